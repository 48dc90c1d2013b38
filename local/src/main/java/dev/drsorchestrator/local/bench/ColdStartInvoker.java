package dev.drsorchestrator.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One cold start, in a fresh JVM whose classpath is a handler's deployable zip: constructs the handler the way the
 * Lambda runtime does (public no-arg constructor) and sends it one event. Prints the response; the benchmark times
 * the whole process from outside, JVM start included.
 */
public final class ColdStartInvoker {
    private ColdStartInvoker() {
    }

    /** Arguments: handler class name, event file. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ColdStartInvoker <handler class> <event file>");
        }
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        RequestStreamHandler handler = (RequestStreamHandler) Class.forName(args[0]).getConstructor().newInstance();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new BenchContext());
        System.out.println(out.toString(StandardCharsets.UTF_8));
    }

    private static final class BenchContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "bench-" + ProcessHandle.current().pid();
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/bench";
        }

        @Override
        public String getLogStreamName() {
            return "bench";
        }

        @Override
        public String getFunctionName() {
            return "bench";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:111122223333:function:bench";
        }

        @Override
        public com.amazonaws.services.lambda.runtime.CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public com.amazonaws.services.lambda.runtime.ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 60_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    LambdaLog.LOG.info(message);
                }

                @Override
                public void log(byte[] message) {
                    LambdaLog.LOG.info(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }

    /**
     * Lambda's own logger does not go through SLF4J, so the invoker must not initialize logging before the handler
     * does: this holder is loaded only if a handler logs through the context's logger.
     */
    private static final class LambdaLog {
        private static final Logger LOG = LoggerFactory.getLogger("lambda");
    }
}
