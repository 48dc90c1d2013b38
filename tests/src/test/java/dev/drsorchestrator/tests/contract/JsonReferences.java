package dev.drsorchestrator.tests.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds and resolves local {@code $ref} JSON pointers, the only kind the contract document may use. */
final class JsonReferences {

    private JsonReferences() {
    }

    static List<String> collect(JsonNode node) {
        List<String> refs = new ArrayList<>();
        collect(node, refs);
        return refs;
    }

    private static void collect(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ("$ref".equals(field.getKey()) && field.getValue().isTextual()) {
                    refs.add(field.getValue().asText());
                } else {
                    collect(field.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collect(element, refs));
        }
    }

    static Optional<JsonNode> resolve(JsonNode root, String ref) {
        if (!ref.startsWith("#/")) {
            return Optional.empty();
        }
        JsonNode current = root;
        for (String token : ref.substring(2).split("/", -1)) {
            String key = token.replace("~1", "/").replace("~0", "~");
            current = current.isArray() && key.matches("\\d+") ? current.get(Integer.parseInt(key)) : current.get(key);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }
}
