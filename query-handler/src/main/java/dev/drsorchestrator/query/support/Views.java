package dev.drsorchestrator.query.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.json.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Builds the JSON projections operations answer with: domain records as objects, absent fields left out. */
public final class Views {
    private Views() {
    }

    /** A record as a JSON object without null fields. */
    public static ObjectNode of(Object value) {
        ObjectNode node = Json.mapper().valueToTree(value);
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        List<String> nulls = new ArrayList<>();
        fields.forEachRemaining(e -> {
            if (e.getValue().isNull()) {
                nulls.add(e.getKey());
            }
        });
        node.remove(nulls);
        return node;
    }

    /** An empty object to fill. */
    public static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }
}
