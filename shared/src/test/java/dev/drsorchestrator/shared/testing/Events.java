package dev.drsorchestrator.shared.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.json.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds raw handler events for tests: API Gateway REST proxy events with Cognito claims, and direct payloads. Returns
 * bytes, exactly what Lambda hands a stream handler.
 */
public final class Events {
    private Events() {
    }

    /** An API Gateway event for a Cognito user with the given groups claim (as API Gateway flattens it). */
    public static byte[] api(String method, String resource, String path, String body, String email, String groups) {
        ObjectNode event = apiEvent(method, resource, path, body);
        if (email != null) {
            ObjectNode claims = ((ObjectNode) event.get("requestContext")).putObject("authorizer").putObject("claims");
            claims.put("email", email);
            claims.put("cognito:username", email.substring(0, email.indexOf('@') < 0 ? email.length() : email.indexOf('@')));
            if (groups != null) {
                claims.put("cognito:groups", groups);
            }
        }
        return bytes(event);
    }

    /** An API Gateway event as a JSON tree, for tests that tweak fields. */
    public static ObjectNode apiEvent(String method, String resource, String path, String body) {
        ObjectNode event = Json.mapper().createObjectNode();
        event.put("resource", resource);
        event.put("path", path);
        event.put("httpMethod", method);
        event.putObject("headers").put("Content-Type", "application/json");
        event.putNull("queryStringParameters");
        event.putNull("pathParameters");
        ObjectNode context = event.putObject("requestContext");
        context.put("requestId", "api-request-id");
        context.put("stage", "prod");
        context.putObject("identity").put("sourceIp", "203.0.113.10");
        if (body == null) {
            event.putNull("body");
        } else {
            event.put("body", body);
        }
        event.put("isBase64Encoded", false);
        return event;
    }

    /** A direct invocation: {@code {"operation": name, ...fields}}. */
    public static byte[] direct(String operation, Map<String, ?> fields) {
        ObjectNode payload = Json.mapper().createObjectNode();
        payload.put("operation", operation);
        fields.forEach((k, v) -> payload.set(k, Json.mapper().valueToTree(v)));
        return bytes(payload);
    }

    /** Serialized bytes of a JSON tree. */
    public static byte[] bytes(Object tree) {
        return Json.write(tree).getBytes(StandardCharsets.UTF_8);
    }
}
