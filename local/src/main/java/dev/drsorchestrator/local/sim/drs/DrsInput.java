package dev.drsorchestrator.local.sim.drs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.sim.http.AwsException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads and validates members of a DRS JSON request; every violation becomes a ValidationException naming the field. */
final class DrsInput {
    static final Pattern SOURCE_SERVER_ID = Pattern.compile("s-[0-9a-zA-Z]{17}");
    static final Pattern JOB_ID = Pattern.compile("drsjob-[0-9a-zA-Z]{17}");
    static final Pattern RECOVERY_INSTANCE_ID = Pattern.compile("i-[0-9a-fA-F]{8,}");
    static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    private final JsonNode root;

    DrsInput(JsonNode root) {
        this.root = root;
    }

    JsonNode node(String name) {
        JsonNode value = root.get(name);
        return value == null || value.isNull() ? null : value;
    }

    String string(String name, boolean required) {
        JsonNode value = node(name);
        if (value == null) {
            if (required) {
                throw DrsErrors.validation(name, name + " is required");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw DrsErrors.validation(name, name + " must be a string");
        }
        return value.asText();
    }

    String matching(String name, Pattern pattern, boolean required) {
        String value = string(name, required);
        if (value != null && !pattern.matcher(value).matches()) {
            throw DrsErrors.validation(name, name + " must match " + pattern.pattern() + ", got " + value);
        }
        return value;
    }

    Boolean bool(String name) {
        JsonNode value = node(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw DrsErrors.validation(name, name + " must be a boolean");
        }
        return value.asBoolean();
    }

    int maxResults(int min, int max, int fallback) {
        JsonNode value = node("maxResults");
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            throw DrsErrors.validation("maxResults", "maxResults must be an integer between " + min + " and " + max);
        }
        return value.asInt();
    }

    String nextToken() {
        return string("nextToken", false);
    }

    static List<String> strings(JsonNode array, String field, Pattern pattern, int maxItems) {
        if (array == null) {
            return null;
        }
        if (!array.isArray()) {
            throw DrsErrors.validation(field, field + " must be a list");
        }
        if (array.size() > maxItems) {
            throw DrsErrors.validation(field, field + " may hold at most " + maxItems + " items");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            if (!item.isTextual() || (pattern != null && !pattern.matcher(item.asText()).matches())) {
                throw DrsErrors.validation(field, field + " items must match "
                        + (pattern == null ? "a string" : pattern.pattern()) + ", got " + item);
            }
            out.add(item.asText());
        }
        return out;
    }

    static Map<String, String> tags(JsonNode node, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            throw DrsErrors.validation(field, field + " must be a map of strings");
        }
        if (node.size() > 50) {
            throw DrsErrors.validation(field, field + " may hold at most 50 tags");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual() || e.getKey().isEmpty() || e.getKey().length() > 128
                    || e.getValue().asText().length() > 256 || e.getKey().startsWith("aws:")) {
                throw DrsErrors.validation(field, field + " keys must be 1-128 characters not starting with aws:"
                        + " and values strings of at most 256 characters");
            }
            out.put(e.getKey(), e.getValue().asText());
        });
        return out;
    }

    static AwsException missingBody() {
        return DrsErrors.validation("body", "request body must be a JSON object");
    }
}
