package dev.drsorchestrator.local.lambda;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.sim.http.AwsException;
import dev.drsorchestrator.local.sim.http.AwsServiceHandler;
import dev.drsorchestrator.local.sim.http.SimRequest;
import dev.drsorchestrator.local.sim.http.SimResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}, signing name {@code lambda}) over the
 * in-process handlers, so {@code aws lambda invoke --endpoint-url} and any SDK reach them as they would in AWS:
 * a function error is status 200 with {@code X-Amz-Function-Error: Unhandled} and an {@code errorMessage}/
 * {@code errorType} payload; {@code Event} invocations answer 202 and run in the background; {@code DryRun} 204.
 */
public final class LambdaInvokeApi implements AwsServiceHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LambdaInvokeApi.class);
    private static final Pattern INVOKE = Pattern.compile("^/2015-03-31/functions/([^/]+)/invocations/?$");
    private static final int MAX_SYNC_PAYLOAD = 6 * 1024 * 1024;
    private static final int MAX_ASYNC_PAYLOAD = 256 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final HandlerRegistry functions;
    private final ExecutorService background;

    /** Serves the functions of {@code functions}. */
    public LambdaInvokeApi(HandlerRegistry functions) {
        this.functions = Objects.requireNonNull(functions, "functions");
        AtomicInteger count = new AtomicInteger();
        this.background = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "lambda-event-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String signingName() {
        return "lambda";
    }

    @Override
    public String operation(SimRequest request) {
        return INVOKE.matcher(request.path()).matches() ? "Invoke" : "Unknown";
    }

    @Override
    public SimResponse handle(SimRequest request) {
        Matcher m = INVOKE.matcher(request.path());
        if (!m.matches() || !"POST".equalsIgnoreCase(request.method())) {
            throw new AwsException("ResourceNotFoundException", 404, "The local Lambda endpoint serves only "
                    + "POST /2015-03-31/functions/{FunctionName}/invocations");
        }
        String requested = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        String name = functions.resolve(requested).orElseThrow(() -> new AwsException("ResourceNotFoundException",
                404, "Function not found: " + arnForMessage(request, requested)));
        String type = request.header("x-amz-invocation-type");
        type = type == null ? "RequestResponse" : type;
        byte[] payload = request.body().length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : request.body();
        return switch (type) {
            case "RequestResponse" -> requestResponse(name, payload, request.requestId());
            case "Event" -> event(name, payload, request.requestId());
            case "DryRun" -> new SimResponse(204, "application/json", Map.of(), new byte[0]);
            default -> throw new AwsException("InvalidParameterValueException", 400,
                    "X-Amz-Invocation-Type must be RequestResponse, Event or DryRun, got '" + type + "'");
        };
    }

    private SimResponse requestResponse(String name, byte[] payload, String requestId) {
        requireJson(payload, MAX_SYNC_PAYLOAD);
        InvocationOutcome outcome = functions.invoke(name, payload, requestId);
        if (outcome instanceof InvocationOutcome.Returned returned) {
            return new SimResponse(200, "application/json", Map.of("X-Amz-Executed-Version", "$LATEST"),
                    returned.payload());
        }
        InvocationOutcome.Failed failed = (InvocationOutcome.Failed) outcome;
        ObjectNode error = MAPPER.createObjectNode();
        error.put("errorMessage", failed.errorMessage());
        error.put("errorType", failed.errorType());
        return SimResponse.json(200, error.toString())
                .withHeader("X-Amz-Function-Error", "Unhandled")
                .withHeader("X-Amz-Executed-Version", "$LATEST");
    }

    private SimResponse event(String name, byte[] payload, String requestId) {
        requireJson(payload, MAX_ASYNC_PAYLOAD);
        try {
            background.execute(() -> {
                InvocationOutcome outcome = functions.invoke(name, payload, requestId);
                if (outcome instanceof InvocationOutcome.Failed failed) {
                    LOG.warn("Asynchronous invocation {} of {} failed: {}", requestId, name, failed.errorType());
                }
            });
        } catch (RejectedExecutionException e) {
            throw new AwsException("ServiceException", 500, "The local Lambda endpoint is shutting down");
        }
        return new SimResponse(202, "application/json", Map.of(), new byte[0]);
    }

    private static void requireJson(byte[] payload, int limit) {
        if (payload.length > limit) {
            throw new AwsException("RequestTooLargeException", 413,
                    "Request must be smaller than " + limit + " bytes for the InvokeFunction operation");
        }
        try {
            MAPPER.readTree(payload);
        } catch (IOException e) {
            throw new AwsException("InvalidRequestContentException", 400, "Could not parse request body into json");
        }
    }

    private String arnForMessage(SimRequest request, String requested) {
        if (requested.startsWith("arn:")) {
            return requested;
        }
        return "arn:aws:lambda:" + request.region() + ":" + request.accountId() + ":function:" + requested;
    }

    @Override
    public SimResponse renderError(SimRequest request, AwsException error) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("Type", error.serverSide() ? "Service" : "User");
        body.put("message", error.serverSide() ? "An internal error occurred" : error.getMessage());
        SimResponse response = SimResponse.json(error.status(), body.toString())
                .withHeader("x-amzn-ErrorType", error.code());
        return error.retryAfterSeconds() == null ? response
                : response.withHeader("Retry-After", String.valueOf(error.retryAfterSeconds()));
    }

    @Override
    public AwsException missingAuthentication() {
        return new AwsException("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
    }

    @Override
    public AwsException unknownAccessKey(String accessKeyId) {
        return new AwsException("UnrecognizedClientException", 403,
                "The security token included in the request is invalid.");
    }

    @Override
    public AwsException faultError(String code, String message, Long retryAfterSeconds) {
        if ("TooManyRequestsException".equals(code) || "ThrottlingException".equals(code)) {
            return new AwsException("TooManyRequestsException", 429,
                    message == null ? "Rate Exceeded." : message, Map.of(), retryAfterSeconds);
        }
        return new AwsException(code == null ? "ServiceException" : code, 500,
                message == null ? "An internal error occurred" : message, Map.of(), retryAfterSeconds);
    }

    /** Waits briefly for background invocations to finish, then stops them. */
    @Override
    public void close() {
        background.shutdown();
        try {
            if (!background.awaitTermination(5, TimeUnit.SECONDS)) {
                background.shutdownNow();
            }
        } catch (InterruptedException e) {
            background.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
