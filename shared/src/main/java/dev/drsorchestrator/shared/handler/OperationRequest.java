package dev.drsorchestrator.shared.handler;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.invocation.Invocation;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.security.Principal;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.Map;
import java.util.Optional;

/**
 * What an operation function receives: the invocation, the caller, path and query parameters, the JSON body and the
 * request id. Accessors reject wrong types with a 400 naming the field. An operation that acts on another account
 * calls {@link #auditTargetAccount(String)} so the audit record shows it.
 */
public final class OperationRequest {
    private final Invocation invocation;
    private final Map<String, String> pathParameters;
    private final String requestId;
    private volatile String targetAccount;

    /** A request for an invocation, with the path parameters the router resolved. */
    public OperationRequest(Invocation invocation, Map<String, String> pathParameters, String requestId) {
        this.invocation = invocation;
        this.pathParameters = Map.copyOf(pathParameters);
        this.requestId = requestId;
    }

    public Invocation invocation() {
        return invocation;
    }

    public Principal principal() {
        return invocation.principal();
    }

    public Map<String, String> pathParameters() {
        return pathParameters;
    }

    public Map<String, String> queryParameters() {
        return invocation.queryParameters();
    }

    /** The JSON body, or null. */
    public JsonNode body() {
        return invocation.body();
    }

    public String requestId() {
        return requestId;
    }

    /** The body as an object; an empty object when there is none, 400 when it is another JSON type. */
    public ObjectNode bodyObject() {
        JsonNode body = invocation.body();
        if (body == null || body.isNull()) {
            return Json.mapper().createObjectNode();
        }
        if (!body.isObject()) {
            throw new ValidationException("Field 'body' must be a JSON object");
        }
        return (ObjectNode) body;
    }

    /** A path parameter that the route guarantees. */
    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null) {
            throw new ValidationException("Field '" + name + "' is required");
        }
        return Validators.stripControl(value);
    }

    /** A query parameter, control characters stripped. */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(invocation.queryParameters().get(name)).map(Validators::stripControl);
    }

    /** A string field of the body: absent or null is empty, any other type is a 400. */
    public Optional<String> bodyString(String field) {
        JsonNode node = bodyObject().get(field);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new ValidationException("Field '" + field + "' must be a string");
        }
        return Optional.of(Validators.stripControl(node.textValue()));
    }

    /** A parameter looked up in path parameters, then query parameters, then body string fields. */
    public Optional<String> parameter(String name) {
        if (pathParameters.containsKey(name)) {
            return Optional.of(pathParameter(name));
        }
        Optional<String> query = queryParameter(name);
        return query.isPresent() ? query : bodyString(name);
    }

    /** Records the account this operation acts on, for the audit record. */
    public void auditTargetAccount(String accountId) {
        this.targetAccount = accountId;
    }

    /** The account recorded by {@link #auditTargetAccount(String)}, or null. */
    public String targetAccount() {
        return targetAccount;
    }
}
