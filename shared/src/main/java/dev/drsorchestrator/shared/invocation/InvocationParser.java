package dev.drsorchestrator.shared.invocation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.security.ArnParser;
import dev.drsorchestrator.shared.security.CognitoGroups;
import dev.drsorchestrator.shared.security.Principal;
import dev.drsorchestrator.shared.validation.InputLimits;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Builds an {@link Invocation} from the raw bytes Lambda hands a stream handler: an API Gateway REST proxy event
 * (recognised by {@code httpMethod} + {@code requestContext}) or a direct payload with {@code operation} or
 * {@code action}. Malformed input becomes a 400 naming the field, never an exception of another kind.
 */
public final class InvocationParser {
    /** The largest event accepted (the synchronous Lambda payload limit). */
    public static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

    private static final Set<String> DIRECT_META = Set.of("operation", "action", "invokedBy", "queryParams", "body");

    private InvocationParser() {
    }

    /** Parses one event. */
    public static Invocation parse(byte[] event) {
        if (event.length > MAX_EVENT_BYTES) {
            throw new ValidationException("Request must be at most " + MAX_EVENT_BYTES + " bytes");
        }
        JsonNode root = readJson("event", new String(event, java.nio.charset.StandardCharsets.UTF_8));
        if (!root.isObject()) {
            throw new ValidationException("Request must be a JSON object");
        }
        if (root.hasNonNull("httpMethod") && root.has("requestContext")) {
            return fromApiGateway((ObjectNode) root);
        }
        return fromDirect((ObjectNode) root);
    }

    private static Invocation fromApiGateway(ObjectNode event) {
        InputLimits.check("pathParameters", event.get("pathParameters"));
        InputLimits.check("queryStringParameters", event.get("queryStringParameters"));
        String method = text(event, "httpMethod");
        String resource = optionalText(event, "resource");
        String path = optionalText(event, "path");
        Map<String, String> pathParameters = stringMap(event.get("pathParameters"), "pathParameters");
        Map<String, String> query = stringMap(event.get("queryStringParameters"), "queryStringParameters");
        JsonNode body = apiBody(event);
        JsonNode requestContext = event.get("requestContext");
        JsonNode claims = requestContext.path("authorizer").path("claims");
        Principal principal = claims.isObject() ? cognitoUser(claims) : new Principal.Unknown();
        String sourceIp = requestContext.path("identity").path("sourceIp").isTextual()
                ? requestContext.path("identity").path("sourceIp").asText() : null;
        InputLimits.check("body", body);
        return new Invocation(InvocationMode.API_GATEWAY, null, method, resource, path, pathParameters, query, body,
                principal, sourceIp);
    }

    private static JsonNode apiBody(ObjectNode event) {
        JsonNode raw = event.get("body");
        if (raw == null || raw.isNull()) {
            return null;
        }
        if (!raw.isTextual()) {
            throw new ValidationException("Field 'body' must be a string holding JSON");
        }
        String text = raw.asText();
        if (event.path("isBase64Encoded").asBoolean(false)) {
            try {
                text = new String(Base64.getDecoder().decode(text), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("Field 'body' must be valid base64");
            }
        }
        return text.isBlank() ? null : readJson("body", text);
    }

    private static Principal cognitoUser(JsonNode claims) {
        String email = claims.path("email").isTextual() ? claims.path("email").asText() : null;
        String username = claims.path("cognito:username").isTextual() ? claims.path("cognito:username").asText()
                : claims.path("sub").isTextual() ? claims.path("sub").asText() : null;
        if (email == null && username == null) {
            return new Principal.Unknown();
        }
        return new Principal.CognitoUser(email, username, CognitoGroups.parse(claims.get("cognito:groups")));
    }

    private static Invocation fromDirect(ObjectNode payload) {
        JsonNode name = payload.hasNonNull("operation") ? payload.get("operation") : payload.get("action");
        if (name == null || name.isNull()) {
            throw new ValidationException("Field 'operation' is required");
        }
        if (!name.isTextual() || name.asText().isBlank() || name.asText().length() > 128) {
            throw new ValidationException("Field 'operation' must be a non-empty string of at most 128 characters");
        }
        JsonNode invokedBy = payload.get("invokedBy");
        if (invokedBy != null && !invokedBy.isNull() && !invokedBy.isTextual()) {
            throw new ValidationException("Field 'invokedBy' must be a string");
        }
        Principal principal = invokedBy != null && invokedBy.isTextual()
                ? ArnParser.parse(invokedBy.asText()) : new Principal.Unknown();
        InputLimits.check("queryParams", payload.get("queryParams"));
        Map<String, String> query = stringMap(payload.get("queryParams"), "queryParams");
        JsonNode body = payload.get("body");
        if (body == null || body.isNull()) {
            ObjectNode topLevel = Json.mapper().createObjectNode();
            payload.fields().forEachRemaining(field -> {
                if (!DIRECT_META.contains(field.getKey())) {
                    topLevel.set(field.getKey(), field.getValue());
                }
            });
            body = topLevel.isEmpty() ? null : topLevel;
        }
        InputLimits.check("body", body);
        return new Invocation(InvocationMode.DIRECT_LAMBDA, name.asText(), null, null, null, Map.of(), query, body,
                principal, null);
    }

    private static JsonNode readJson(String field, String text) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new ValidationException("Field '" + field + "' must be valid JSON");
            }
            return node;
        } catch (JacksonException e) {
            throw new ValidationException("Field '" + field + "' must be valid JSON");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new ValidationException("Field '" + field + "' must be a string");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ValidationException("Field '" + field + "' must be a string");
        }
        return value.asText();
    }

    private static Map<String, String> stringMap(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new ValidationException("Field '" + field + "' must be an object");
        }
        Map<String, String> map = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (!value.isValueNode()) {
                throw new ValidationException("Field '" + field + "." + entry.getKey() + "' must be a string, number or boolean");
            }
            map.put(entry.getKey(), value.asText());
        }
        return map;
    }
}
