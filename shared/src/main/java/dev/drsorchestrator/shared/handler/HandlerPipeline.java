package dev.drsorchestrator.shared.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.audit.AuditRecorder;
import dev.drsorchestrator.shared.error.ClientErrorException;
import dev.drsorchestrator.shared.error.ErrorMapper;
import dev.drsorchestrator.shared.error.ErrorResponse;
import dev.drsorchestrator.shared.error.FunctionErrorException;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.invocation.Invocation;
import dev.drsorchestrator.shared.invocation.InvocationMode;
import dev.drsorchestrator.shared.invocation.InvocationParser;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.logging.LogContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The path every invocation of every handler takes: parse the event, route it, authorize (RBAC for API calls, role
 * patterns for direct calls), run the operation, write one audit record, and answer in the shape of the invocation
 * mode. Client errors become 4xx bodies; anything else becomes a generic 500 (API) or a function error carrying only
 * the request id (direct), so Step Functions retries.
 */
public final class HandlerPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(HandlerPipeline.class);
    private static final int MAX_AUDIT_NAME = 256;

    private final Router router;
    private final CoreServices services;

    /** The pipeline of one handler's operations. */
    public HandlerPipeline(OperationTable operations, CoreServices services) {
        this.router = new Router(operations);
        this.services = services;
    }

    /** Handles one raw event; the body of every handler's {@code handleRequest}. */
    public void handle(InputStream input, OutputStream output, Context context) throws IOException {
        String requestId = context != null && context.getAwsRequestId() != null
                ? context.getAwsRequestId() : UUID.randomUUID().toString();
        LogContext.begin(requestId);
        try {
            byte[] response = handle(readLimited(input), requestId);
            output.write(response);
            output.flush();
        } finally {
            LogContext.end();
        }
    }

    /** Handles one event given as bytes and returns the response bytes; throws only for direct server failures. */
    public byte[] handle(byte[] event, String requestId) {
        Instant start = services.clock().instant();
        Invocation invocation = null;
        Operation operation = null;
        OperationRequest request = null;
        int status;
        Object body;
        ErrorResponse error = null;
        try {
            if (event == null) {
                throw new ValidationException("Request must be at most " + InvocationParser.MAX_EVENT_BYTES + " bytes");
            }
            invocation = InvocationParser.parse(event);
            if (isPreflight(invocation)) {
                operation = null;
                status = 204;
                body = null;
            } else {
                Router.Resolved resolved = router.resolve(invocation);
                operation = resolved.operation();
                LogContext.operation(operation.name());
                authorize(invocation, operation);
                request = new OperationRequest(invocation, resolved.pathParameters(), requestId);
                Object result = operation.function().run(request);
                if (result instanceof OperationResult explicit) {
                    status = explicit.statusCode();
                    body = explicit.body();
                } else {
                    status = 200;
                    body = result;
                }
            }
        } catch (Throwable failure) {
            error = ErrorMapper.toResponse(failure, requestId);
            if (failure instanceof ClientErrorException) {
                LOG.info("Rejected with {}: {}", error.statusCode(), error.message());
            } else {
                LOG.error("Operation failed", failure);
                if (failure instanceof Error fatal && !(failure instanceof StackOverflowError)) {
                    throw fatal;
                }
            }
            status = error.statusCode();
            body = error;
        }
        boolean direct = invocation == null ? !looksLikeApiEvent(event) : invocation.mode() == InvocationMode.DIRECT_LAMBDA;
        byte[] response = direct ? Json.write(body).getBytes(StandardCharsets.UTF_8)
                : Json.write(services.responses().api(status, body)).getBytes(StandardCharsets.UTF_8);
        audit(start, invocation, operation, request, requestId, status, response.length, error, direct);
        LOG.info("Handled {} with status {}", operation != null ? operation.name() : auditName(invocation), status);
        if (direct && error != null && !error.isClientError()) {
            throw new FunctionErrorException(requestId);
        }
        return response;
    }

    private boolean isPreflight(Invocation invocation) {
        return invocation.mode() == InvocationMode.API_GATEWAY && "OPTIONS".equalsIgnoreCase(invocation.httpMethod())
                && router.knowsResource(invocation);
    }

    private void authorize(Invocation invocation, Operation operation) {
        if (invocation.mode() == InvocationMode.API_GATEWAY) {
            operation.permission().ifPresent(p -> services.rbac().require(invocation.principal(), p));
        } else {
            services.rolePatterns().check(invocation.principal());
        }
    }

    private void audit(Instant start, Invocation invocation, Operation operation, OperationRequest request,
            String requestId, int status, long size, ErrorResponse error, boolean direct) {
        try {
            services.audit().record(new AuditRecorder.Outcome(
                    start,
                    operation != null ? operation.name() : auditName(invocation),
                    invocation != null ? invocation.mode()
                            : direct ? InvocationMode.DIRECT_LAMBDA : InvocationMode.API_GATEWAY,
                    invocation != null ? invocation.principal() : null,
                    request != null ? request.targetAccount() : null,
                    parameters(invocation, request),
                    requestId,
                    status,
                    size,
                    error));
        } catch (RuntimeException e) {
            LOG.error("Audit record could not be built", e);
        }
    }

    private static String auditName(Invocation invocation) {
        if (invocation == null) {
            return "unknown";
        }
        String name = invocation.describe();
        return name.length() > MAX_AUDIT_NAME ? name.substring(0, MAX_AUDIT_NAME) : name;
    }

    private static JsonNode parameters(Invocation invocation, OperationRequest request) {
        ObjectNode params = Json.mapper().createObjectNode();
        if (invocation == null) {
            return params;
        }
        (request != null ? request.pathParameters() : invocation.pathParameters()).forEach(params::put);
        invocation.queryParameters().forEach(params::put);
        JsonNode body = invocation.body();
        if (body != null && body.isObject()) {
            body.fields().forEachRemaining(f -> params.set(f.getKey(), f.getValue()));
        } else if (body != null) {
            params.set("body", body);
        }
        return params;
    }

    private static boolean looksLikeApiEvent(byte[] event) {
        if (event == null) {
            return false;
        }
        String head = new String(event, 0, Math.min(event.length, 4096), StandardCharsets.UTF_8);
        return head.contains("\"httpMethod\"") && head.contains("\"requestContext\"");
    }

    private static byte[] readLimited(InputStream input) throws IOException {
        byte[] bytes = input.readNBytes(InvocationParser.MAX_EVENT_BYTES + 1);
        return bytes.length > InvocationParser.MAX_EVENT_BYTES ? null : bytes;
    }
}
