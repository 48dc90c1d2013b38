package dev.drsorchestrator.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.local.stepfunctions.LambdaInvoker;
import dev.drsorchestrator.local.stepfunctions.LambdaResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invokes the in-process handler classes the way Lambda does for Step Functions: the event as JSON in, the result
 * JSON out. An exception thrown by the handler is an unhandled function error whose ASL error name is the
 * exception's class name (as the Java runtime reports {@code errorType}); an unknown function is
 * {@code Lambda.ResourceNotFoundException}. {@link #failNext} injects Lambda service errors for retry tests.
 *
 * <pre>{@code
 * HandlerInvoker invoker = new HandlerInvoker("us-east-1", "000000000000");
 * invoker.register("execution-handler", new ExecutionHandler(core));
 * invoker.failNext("execution-handler", 2, "Lambda.ServiceException");
 * }</pre>
 */
public final class HandlerInvoker implements LambdaInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerInvoker.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String region;
    private final String accountId;
    private final Map<String, RequestStreamHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();

    private record Fault(AtomicInteger remaining, String errorType) {
    }

    /** An invoker whose function ARNs are in {@code region} and {@code accountId}. */
    public HandlerInvoker(String region, String accountId) {
        this.region = region;
        this.accountId = accountId;
    }

    /** Registers a handler under a function name. */
    public void register(String functionName, RequestStreamHandler handler) {
        handlers.put(functionName, handler);
    }

    /** The ARN of a function name, as the ASL substitutions use it. */
    public String functionArn(String functionName) {
        return "arn:aws:lambda:" + region + ":" + accountId + ":function:" + functionName;
    }

    /** Makes the next {@code times} invocations of a function fail with a Lambda service error {@code errorType}. */
    public void failNext(String functionName, int times, String errorType) {
        faults.put(functionName, new Fault(new AtomicInteger(times), errorType));
    }

    /** How many times a function was invoked (including injected failures). */
    public int invocations(String functionName) {
        AtomicInteger count = invocations.get(functionName);
        return count == null ? 0 : count.get();
    }

    @Override
    public LambdaResult invoke(String functionName, JsonNode payload) {
        String name = nameOf(functionName);
        invocations.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
        Fault fault = faults.get(name);
        if (fault != null && fault.remaining().getAndDecrement() > 0) {
            LOG.info("Injected {} for {}", fault.errorType(), name);
            return new LambdaResult.FunctionError(fault.errorType(), "Injected fault");
        }
        RequestStreamHandler handler = handlers.get(name);
        if (handler == null) {
            return new LambdaResult.FunctionError("Lambda.ResourceNotFoundException", "Function not found: "
                    + functionArn(name));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(MAPPER.writeValueAsBytes(payload)), out,
                    new LocalLambdaContext(name, functionArn(name)));
        } catch (IOException | RuntimeException e) {
            LOG.info("Function {} failed: {}", name, e.getClass().getName());
            return new LambdaResult.FunctionError(e.getClass().getName(), e.getMessage());
        }
        try {
            byte[] bytes = out.toByteArray();
            return new LambdaResult.Success(bytes.length == 0 ? MAPPER.nullNode() : MAPPER.readTree(bytes));
        } catch (IOException e) {
            return new LambdaResult.FunctionError("Lambda.InvalidResponseException", "The function returned "
                    + "invalid JSON");
        }
    }

    private static String nameOf(String functionNameOrArn) {
        int colon = functionNameOrArn.lastIndexOf(":function:");
        if (colon < 0) {
            return functionNameOrArn;
        }
        String rest = functionNameOrArn.substring(colon + ":function:".length());
        int qualifier = rest.indexOf(':');
        return qualifier < 0 ? rest : rest.substring(0, qualifier);
    }
}
