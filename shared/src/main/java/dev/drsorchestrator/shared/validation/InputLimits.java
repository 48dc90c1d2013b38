package dev.drsorchestrator.shared.validation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.error.ValidationException;
import java.util.Iterator;
import java.util.Map;

/**
 * Structural limits every request passes before any operation sees it: no string longer than
 * {@link #MAX_STRING_LENGTH}, no nesting deeper than {@link #MAX_DEPTH}. Operations then apply their field rules.
 */
public final class InputLimits {
    /** Longest string value accepted anywhere in a request. */
    public static final int MAX_STRING_LENGTH = 65_536;
    /** Deepest nesting of objects and arrays accepted. */
    public static final int MAX_DEPTH = 32;

    private InputLimits() {
    }

    /** Throws a 400 naming the offending field (as a path) when a limit is broken. */
    public static void check(String field, JsonNode node) {
        check(field, node, 0);
    }

    private static void check(String path, JsonNode node, int depth) {
        if (node == null) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw new ValidationException("Field '" + display(path) + "' is nested deeper than " + MAX_DEPTH + " levels");
        }
        if (node.isTextual() && node.textValue().length() > MAX_STRING_LENGTH) {
            throw new ValidationException("Field '" + display(path) + "' must be at most " + MAX_STRING_LENGTH + " characters");
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> entry = fields.next();
                if (entry.getKey().length() > MAX_STRING_LENGTH) {
                    throw new ValidationException("Field '" + display(path) + "' has a key longer than " + MAX_STRING_LENGTH
                            + " characters");
                }
                check(path + "." + entry.getKey(), entry.getValue(), depth + 1);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                check(path + "[" + i + "]", node.get(i), depth + 1);
            }
        }
    }

    private static String display(String path) {
        return path.length() <= 120 ? path : path.substring(0, 117) + "...";
    }
}
