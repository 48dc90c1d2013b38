package dev.drsorchestrator.local.runtime;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.local.lambda.HandlerRegistry;
import dev.drsorchestrator.local.stepfunctions.LambdaInvoker;
import dev.drsorchestrator.local.stepfunctions.LambdaResult;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Step Functions runner's view of the in-process functions of a {@link HandlerRegistry}: the event as JSON in,
 * the result JSON out. An exception thrown by the handler is an unhandled function error whose ASL error name is the
 * exception's class name (as the Java runtime reports {@code errorType}); an unknown function is
 * {@code Lambda.ResourceNotFoundException}. {@link #failNext} injects Lambda service errors for retry tests.
 *
 * <pre>{@code
 * HandlerInvoker invoker = new HandlerInvoker(functions);
 * invoker.failNext("execution-handler", 2, "Lambda.ServiceException");
 * }</pre>
 */
public final class HandlerInvoker implements LambdaInvoker {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerInvoker.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HandlerRegistry functions;
    private final Map<String, Fault> faults = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();

    private record Fault(AtomicInteger remaining, String errorType) {
    }

    /** An invoker of the functions in {@code functions}. */
    public HandlerInvoker(HandlerRegistry functions) {
        this.functions = functions;
    }

    /** Registers (or replaces) a handler under a function name in the underlying registry. */
    public void register(String functionName, RequestStreamHandler handler) {
        functions.register(functionName, handler);
    }

    /** The ARN of a function name, as the ASL substitutions use it. */
    public String functionArn(String functionName) {
        return functions.arnOf(functionName);
    }

    /** Makes the next {@code times} invocations of a function fail with a Lambda service error {@code errorType}. */
    public void failNext(String functionName, int times, String errorType) {
        faults.put(key(functionName), new Fault(new AtomicInteger(times), errorType));
    }

    /** How many times a function was invoked (including injected failures). */
    public int invocations(String functionName) {
        AtomicInteger count = invocations.get(key(functionName));
        return count == null ? 0 : count.get();
    }

    @Override
    public LambdaResult invoke(String functionName, JsonNode payload) {
        String key = key(functionName);
        invocations.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        Fault fault = faults.get(key);
        if (fault != null && fault.remaining().getAndDecrement() > 0) {
            LOG.info("Injected {} for {}", fault.errorType(), key);
            return new LambdaResult.FunctionError(fault.errorType(), "Injected fault");
        }
        if (functions.resolve(functionName).isEmpty()) {
            return new LambdaResult.FunctionError("Lambda.ResourceNotFoundException", "Function not found: "
                    + functionArn(key));
        }
        byte[] bytes;
        try {
            bytes = functions.invokeOrThrow(functionName, MAPPER.writeValueAsBytes(payload),
                    UUID.randomUUID().toString());
        } catch (Exception e) {
            LOG.info("Function {} failed: {}", key, e.getClass().getName());
            return new LambdaResult.FunctionError(e.getClass().getName(), e.getMessage());
        }
        try {
            return new LambdaResult.Success(bytes.length == 0 ? MAPPER.nullNode() : MAPPER.readTree(bytes));
        } catch (IOException e) {
            return new LambdaResult.FunctionError("Lambda.InvalidResponseException", "The function returned "
                    + "invalid JSON");
        }
    }

    /** The registered function a name or ARN refers to, or its bare name when none is registered. */
    private String key(String functionNameOrArn) {
        return functions.resolve(functionNameOrArn).orElseGet(() -> nameOf(functionNameOrArn));
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
