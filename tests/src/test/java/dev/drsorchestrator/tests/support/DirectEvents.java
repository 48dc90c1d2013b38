package dev.drsorchestrator.tests.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.json.Json;
import java.util.Map;

/**
 * Direct Lambda invocation payloads as Step Functions, EventBridge and operators send them:
 * {@code {"operation", "queryParams"}}, {@code {"operation", "body"}}, optionally with {@code invokedBy}.
 */
public final class DirectEvents {
    private DirectEvents() {
    }

    /** {@code {"operation": op, "queryParams": {...}}}. */
    public static String query(String operation, Map<String, String> queryParams) {
        ObjectNode event = Json.mapper().createObjectNode().put("operation", operation);
        ObjectNode params = event.putObject("queryParams");
        queryParams.forEach(params::put);
        return Json.write(event);
    }

    /** {@code {"operation": op, "body": body}}. */
    public static String body(String operation, Object body) {
        ObjectNode event = Json.mapper().createObjectNode().put("operation", operation);
        event.set("body", Json.mapper().valueToTree(body));
        return Json.write(event);
    }

    /** Adds {@code invokedBy} (the caller's role ARN, as the state machine fills it in) to a payload. */
    public static String invokedBy(String eventJson, String roleArn) {
        try {
            ObjectNode event = (ObjectNode) Json.mapper().readTree(eventJson);
            event.put("invokedBy", roleArn);
            return Json.write(event);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("eventJson must be a JSON object", e);
        }
    }
}
