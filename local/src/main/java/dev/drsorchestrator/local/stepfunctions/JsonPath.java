package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ASL reference path: {@code $}, {@code $.a.b}, {@code $['a b']}, {@code $.list[0]}, or the same rooted at the
 * context object ({@code $$.Execution.Id}). Wildcards, slices and filters are not reference paths and are rejected.
 */
final class JsonPath {

    private final String text;
    private final boolean context;
    private final List<Object> segments;

    private JsonPath(String text, boolean context, List<Object> segments) {
        this.text = text;
        this.context = context;
        this.segments = List.copyOf(segments);
    }

    /** Parses a path; the message of the exception names the rule that was broken. */
    static JsonPath parse(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("path '" + text + "' must start with '$'");
        }
        boolean context = text.startsWith("$$");
        int i = context ? 2 : 1;
        List<Object> segments = new ArrayList<>();
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < text.length() && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    end++;
                }
                String name = text.substring(i + 1, end);
                if (name.isEmpty() || name.equals("*") || name.contains("]") || name.contains("?")) {
                    throw new IllegalArgumentException("path '" + text + "' has an invalid field name at " + i);
                }
                segments.add(name);
                i = end;
            } else if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0) {
                    throw new IllegalArgumentException("path '" + text + "' has an unclosed '['");
                }
                segments.add(bracket(text, text.substring(i + 1, close)));
                i = close + 1;
            } else {
                throw new IllegalArgumentException("path '" + text + "' has an unexpected '" + c + "' at " + i);
            }
        }
        return new JsonPath(text, context, segments);
    }

    private static Object bracket(String text, String inside) {
        if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                || inside.startsWith("\"") && inside.endsWith("\""))) {
            return inside.substring(1, inside.length() - 1);
        }
        if (!inside.isEmpty() && inside.chars().allMatch(Character::isDigit) && inside.length() < 10) {
            return Integer.parseInt(inside);
        }
        throw new IllegalArgumentException("path '" + text + "' has '[" + inside
                + "]': only a quoted field name or a non-negative index is a reference path");
    }

    /** True for {@code $$...} paths, which read the context object. */
    boolean isContext() {
        return context;
    }

    /** True when every segment is a field name, as ResultPath requires. */
    boolean isFieldsOnly() {
        return !context && segments.stream().allMatch(String.class::isInstance);
    }

    /** The value at this path, or empty when some segment is absent. */
    Optional<JsonNode> find(JsonNode input, JsonNode contextObject) {
        JsonNode node = context ? contextObject : input;
        for (Object segment : segments) {
            if (node == null) {
                return Optional.empty();
            }
            node = segment instanceof Integer index
                    ? (node.isArray() ? node.get(index) : null)
                    : (node.isObject() ? node.get((String) segment) : null);
        }
        return Optional.ofNullable(node);
    }

    /** The value at this path; a missing value is the {@code States.Runtime} error AWS raises. */
    JsonNode read(JsonNode input, JsonNode contextObject, String usage) {
        return find(input, contextObject).orElseThrow(() -> StatesException.runtime(
                "Invalid path '" + text + "' in " + usage + ": the path does not exist in the input"));
    }

    /** Places {@code value} at this path inside a copy of {@code input}, creating intermediate objects. */
    JsonNode write(JsonNode input, JsonNode value) {
        if (segments.isEmpty()) {
            return value;
        }
        if (!input.isObject()) {
            throw StatesException.runtime("Unable to apply ResultPath '" + text + "': the state input is not an object");
        }
        ObjectNode root = ((ObjectNode) input).deepCopy();
        ObjectNode node = root;
        for (int i = 0; i < segments.size() - 1; i++) {
            String name = (String) segments.get(i);
            JsonNode child = node.get(name);
            if (child == null || child.isNull()) {
                node = node.putObject(name);
            } else if (child.isObject()) {
                node = (ObjectNode) child;
            } else {
                throw StatesException.runtime("Unable to apply ResultPath '" + text + "': '" + name
                        + "' is not an object");
            }
        }
        node.set((String) segments.get(segments.size() - 1), value == null ? JsonNodeFactory.instance.nullNode() : value);
        return root;
    }

    @Override
    public String toString() {
        return text;
    }
}
