package dev.drsorchestrator.tests.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.json.Json;
import java.util.Map;
import java.util.UUID;

/**
 * API Gateway proxy events as the Cognito authorizer delivers them: method, resource template, path, parameters,
 * a JSON body string, and the caller's claims ({@code email}, {@code cognito:groups} as the string API Gateway sends).
 *
 * <pre>{@code
 * String event = ApiEvents.request("GET", "/protection-groups/{id}", "/protection-groups/pg-1")
 *         .pathParameters(Map.of("id", "pg-1")).user("ops@example.com", "Operator").json();
 * }</pre>
 */
public final class ApiEvents {
    private final ObjectNode event = Json.mapper().createObjectNode();

    private ApiEvents(String method, String resource, String path) {
        event.put("resource", resource);
        event.put("path", path);
        event.put("httpMethod", method);
        event.putObject("headers").put("Content-Type", "application/json");
        event.putNull("queryStringParameters");
        event.putNull("pathParameters");
        event.putNull("body");
        event.put("isBase64Encoded", false);
        ObjectNode context = event.putObject("requestContext");
        context.put("resourcePath", resource);
        context.put("httpMethod", method);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("stage", "test");
        context.putObject("identity").put("sourceIp", "198.51.100.7");
    }

    /** A request to {@code resource} (the route template) at {@code path}, with no caller yet. */
    public static ApiEvents request(String method, String resource, String path) {
        return new ApiEvents(method, resource, path);
    }

    /** The caller: an email and the groups string exactly as API Gateway passes it ("Admin,Operator"). */
    public ApiEvents user(String email, String groups) {
        ObjectNode claims = ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("claims");
        claims.put("sub", UUID.nameUUIDFromBytes(email.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString());
        claims.put("email", email);
        claims.put("cognito:username", email);
        if (groups != null) {
            claims.put("cognito:groups", groups);
        }
        return this;
    }

    /** Path parameters. */
    public ApiEvents pathParameters(Map<String, String> parameters) {
        ObjectNode node = event.putObject("pathParameters");
        parameters.forEach(node::put);
        return this;
    }

    /** Query-string parameters. */
    public ApiEvents query(Map<String, String> parameters) {
        ObjectNode node = event.putObject("queryStringParameters");
        parameters.forEach(node::put);
        return this;
    }

    /** A body, serialized to the JSON string API Gateway passes. */
    public ApiEvents body(Object body) {
        event.put("body", Json.write(body));
        return this;
    }

    /** A raw body string, for malformed-input tests. */
    public ApiEvents rawBody(String body) {
        event.put("body", body);
        return this;
    }

    /** The event as JSON. */
    public String json() {
        return Json.write(event);
    }
}
