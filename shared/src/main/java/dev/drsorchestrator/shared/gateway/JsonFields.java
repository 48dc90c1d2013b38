package dev.drsorchestrator.shared.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;

/** Small helpers the normalizers share: null-skipping puts, tag maps, GiB rounding. */
final class JsonFields {
    private static final double GIB = 1024.0 * 1024.0 * 1024.0;

    private JsonFields() {
    }

    static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }

    static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static void put(ObjectNode node, String field, Long value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static void put(ObjectNode node, String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static void put(ObjectNode node, String field, Boolean value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static ObjectNode tags(Map<String, String> tags) {
        ObjectNode node = object();
        if (tags != null) {
            new TreeMap<>(tags).forEach(node::put);
        }
        return node;
    }

    static double gib(long bytes) {
        return BigDecimal.valueOf(bytes / GIB).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    /** The account id of an ARN ({@code arn:partition:service:region:account:resource}), or null. */
    static String accountOfArn(String arn) {
        if (arn == null) {
            return null;
        }
        String[] parts = arn.split(":", 6);
        return parts.length == 6 && !parts[4].isEmpty() ? parts[4] : null;
    }
}
