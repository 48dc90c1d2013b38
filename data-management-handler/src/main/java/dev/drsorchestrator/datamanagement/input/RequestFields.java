package dev.drsorchestrator.datamanagement.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.security.Principal;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Typed, allow-listed reads of a request body. Operations copy the fields they accept one by one (no mass
 * assignment); unknown fields are ignored because the original frontend sends display fields, but a server-managed
 * field sent by a client is a 400 naming it, so nobody believes they set an id or a timestamp.
 *
 * <pre>{@code
 * RequestFields body = RequestFields.of(request);
 * String name = body.requiredString("groupName");
 * Optional<Long> expected = body.version();
 * }</pre>
 */
public final class RequestFields {
    /** Fields the server stamps; a client sending one gets a 400. */
    public static final Set<String> SERVER_MANAGED = Set.of("groupId", "planId", "createdBy", "createdAt",
            "createdDate", "updatedBy", "updatedAt", "lastModifiedDate", "lastModifiedBy", "lastModified",
            "nameLower", "lastExecutionId", "lastExecutionStatus", "lastStartTime", "lastEndTime");

    private final ObjectNode body;

    private RequestFields(ObjectNode body) {
        this.body = body;
    }

    /** The body of a request, refused when it carries a server-managed field. */
    public static RequestFields of(OperationRequest request) {
        return of(request.bodyObject());
    }

    /**
     * The body of a request addressing an existing item: {@code idField} (e.g. {@code groupId}) may name the item,
     * as direct invocations do, but it must agree with the id the route gave.
     */
    public static RequestFields addressing(OperationRequest request, String idField, String id) {
        ObjectNode node = request.bodyObject();
        JsonNode given = node.get(idField);
        if (given != null && !given.isNull() && !(given.isTextual() && given.textValue().equals(id))) {
            throw new ValidationException("Field '" + idField + "' must match the id of the item addressed (" + id
                    + ")");
        }
        return of(node, Set.of(idField));
    }

    /** The id an operation addresses: the path's {@code id}, else {@code id} or {@code idField} of query or body. */
    public static String targetId(OperationRequest request, String idField) {
        return request.parameter("id").or(() -> request.parameter(idField)).filter(v -> !v.isBlank())
                .map(String::trim)
                .orElseThrow(() -> new ValidationException("Field '" + idField + "' is required"));
    }

    /**
     * The target account of a {@code /accounts/targets/{id}/...} route (or of a direct call's {@code targetAccountId}),
     * which must be a 12-digit account id.
     */
    public static String targetAccountId(OperationRequest request) {
        return Validators.accountId("targetAccountId", request.parameter("id")
                .or(() -> request.parameter("targetAccountId")).orElse(null));
    }

    /** The fields of an object, refused when it carries a server-managed field. */
    public static RequestFields of(ObjectNode node) {
        return of(node, Set.of());
    }

    private static RequestFields of(ObjectNode node, Set<String> permitted) {
        for (String field : SERVER_MANAGED) {
            if (!permitted.contains(field) && node.has(field) && !node.get(field).isNull()) {
                throw new ValidationException("Field '" + field + "' is managed by the server and cannot be set");
            }
        }
        return new RequestFields(node);
    }

    /** The fields of an object nested under {@code field} of a larger document (e.g. one item of an import). */
    public static RequestFields nested(String field, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new ValidationException("Field '" + field + "' must be a JSON object");
        }
        ObjectNode object = (ObjectNode) node;
        for (String managed : SERVER_MANAGED) {
            if (object.has(managed) && !object.get(managed).isNull()) {
                throw new ValidationException("Field '" + field + "." + managed
                        + "' is managed by the server and cannot be set");
            }
        }
        return new RequestFields(object);
    }

    /** Who is acting, for createdBy/updatedBy: a user's email, otherwise the caller's ARN. */
    public static String actor(OperationRequest request) {
        Principal principal = request.principal();
        if (principal instanceof Principal.CognitoUser user && user.email() != null && !user.email().isBlank()) {
            return user.email();
        }
        String arn = principal.arn();
        return arn == null || arn.isBlank() ? "system" : arn;
    }

    /** Whether the body has a non-null value for {@code field}. */
    public boolean has(String field) {
        JsonNode node = body.get(field);
        return node != null && !node.isNull();
    }

    /** The raw node of {@code field}, or null. */
    public JsonNode node(String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node;
    }

    /** A string field, control characters stripped; absent or null is empty, another type a 400. */
    public Optional<String> string(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isTextual()) {
            throw new ValidationException("Field '" + field + "' must be a string");
        }
        return Optional.of(Validators.stripControl(node.textValue()));
    }

    /** A string field that must be present and not blank. */
    public String requiredString(String field) {
        String value = string(field).orElseThrow(() -> new ValidationException("Field '" + field + "' is required"));
        if (value.isBlank()) {
            throw new ValidationException("Field '" + field + "' must not be blank");
        }
        return value.trim();
    }

    /** A string field at most {@code max} characters long. */
    public Optional<String> text(String field, int max) {
        return string(field).map(value -> Validators.text(field, value, max));
    }

    /** A boolean field; another type is a 400. */
    public Optional<Boolean> bool(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isBoolean()) {
            throw new ValidationException("Field '" + field + "' must be true or false");
        }
        return Optional.of(node.booleanValue());
    }

    /** An integer field within [min, max]; another type is a 400. */
    public Optional<Integer> integer(String field, int min, int max) {
        JsonNode node = node(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < min || node.intValue() > max) {
            throw new ValidationException("Field '" + field + "' must be an integer from " + min + " to " + max);
        }
        return Optional.of(node.intValue());
    }

    /** The expected version for optimistic locking: a positive integer, never written as given. */
    public Optional<Long> version() {
        JsonNode node = node("version");
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1) {
            throw new ValidationException("Field 'version' must be a positive integer (the version you read)");
        }
        return Optional.of(node.longValue());
    }

    /** A list of strings; another type, or a non-string element, is a 400. */
    public Optional<List<String>> stringList(String field, int maxItems) {
        JsonNode node = node(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw new ValidationException("Field '" + field + "' must be a list of strings");
        }
        if (node.size() > maxItems) {
            throw new ValidationException("Field '" + field + "' must hold at most " + maxItems + " items");
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                throw new ValidationException("Field '" + field + "' must be a list of strings");
            }
            values.add(Validators.stripControl(element.textValue()).trim());
        }
        return Optional.of(values);
    }

    /** A tag map (key to string value), validated by {@link Validators#tags}. */
    public Optional<Map<String, String>> tags(String field) {
        JsonNode node = node(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isObject()) {
            throw new ValidationException("Field '" + field + "' must be an object of tag keys to string values");
        }
        Map<String, String> raw = new LinkedHashMap<>();
        var entries = node.fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            if (!entry.getValue().isTextual()) {
                throw new ValidationException("Field '" + field + "." + entry.getKey() + "' must be a string");
            }
            raw.put(entry.getKey(), entry.getValue().textValue());
        }
        return Optional.of(Validators.tags(field, raw));
    }

    /** An object field, or empty; another type is a 400. */
    public Optional<RequestFields> object(String field) {
        JsonNode node = node(field);
        return node == null ? Optional.empty() : Optional.of(nested(field, node));
    }

    /** An array field, or empty; another type is a 400. */
    public Optional<List<JsonNode>> array(String field, int maxItems) {
        JsonNode node = node(field);
        if (node == null) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            throw new ValidationException("Field '" + field + "' must be a list");
        }
        if (node.size() > maxItems) {
            throw new ValidationException("Field '" + field + "' must hold at most " + maxItems + " items");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return Optional.of(items);
    }
}
