package dev.drsorchestrator.shared.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.drsorchestrator.shared.json.Json;
import java.util.List;
import java.util.Locale;

/**
 * Masks sensitive values before parameters reach the audit log: any key containing one of seed 000's patterns
 * (case-insensitive, ignoring {@code _} and {@code -} so {@code apiKey} matches {@code api_key}) is replaced, at any
 * depth of nested objects and arrays. Long strings are shortened so a record stays far below the item size limit. If
 * masking fails for any reason the whole parameter set is masked: fail closed.
 */
public final class ParameterMasker {
    /** What a masked value becomes. */
    public static final String MASK = "***MASKED***";
    /** Seed 000's sensitive key patterns. */
    public static final List<String> SENSITIVE_PATTERNS = List.of(
            "password", "api_key", "secret", "token", "credential", "private_key", "access_key");
    /** Longest string kept verbatim in an audit record. */
    public static final int MAX_STRING = 1024;
    /** Largest serialized parameter set kept in an audit record. */
    public static final int MAX_TOTAL_CHARS = 32_768;

    private static final List<String> NORMALIZED = SENSITIVE_PATTERNS.stream().map(ParameterMasker::normalize).toList();

    private ParameterMasker() {
    }

    /** A masked copy of the parameters; the input is never modified. */
    public static JsonNode mask(JsonNode parameters) {
        try {
            if (parameters == null || parameters.isNull() || parameters.isMissingNode()) {
                return Json.mapper().createObjectNode();
            }
            JsonNode masked = maskNode(parameters);
            if (Json.mapper().writeValueAsString(masked).length() > MAX_TOTAL_CHARS) {
                ObjectNode truncated = Json.mapper().createObjectNode();
                truncated.put("truncated", true);
                return truncated;
            }
            return masked;
        } catch (Exception | StackOverflowError e) {
            return TextNode.valueOf(MASK);
        }
    }

    /** True when a key names a sensitive value. */
    public static boolean isSensitive(String key) {
        String normalized = normalize(key);
        return NORMALIZED.stream().anyMatch(normalized::contains);
    }

    private static JsonNode maskNode(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Json.mapper().createObjectNode();
            node.fields().forEachRemaining(field -> copy.set(field.getKey(),
                    isSensitive(field.getKey()) ? TextNode.valueOf(MASK) : maskNode(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.mapper().createArrayNode();
            node.forEach(item -> copy.add(maskNode(item)));
            return copy;
        }
        if (node.isTextual() && node.textValue().length() > MAX_STRING) {
            String text = node.textValue();
            return TextNode.valueOf(text.substring(0, MAX_STRING) + "...[" + (text.length() - MAX_STRING) + " more characters]");
        }
        return node;
    }

    private static String normalize(String key) {
        return key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
    }
}
