package dev.drsorchestrator.tests.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP operation of the OpenAPI document with the path item it belongs to, so checks can combine
 * operation-level and path-level declarations the way API Gateway does.
 */
record ApiOperation(String path, String method, JsonNode node, JsonNode pathItem) {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}]+)}");

    static List<ApiOperation> all(JsonNode root) {
        List<ApiOperation> operations = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.add(new ApiOperation(path.getKey(), entry.getKey(), entry.getValue(), path.getValue()));
            }
        }));
        return operations;
    }

    static List<ApiOperation> routes(JsonNode root) {
        return all(root).stream().filter(operation -> !operation.isPreflight()).toList();
    }

    boolean isPreflight() {
        return "options".equals(method);
    }

    boolean isHealth() {
        return "/health".equals(path) && "get".equals(method);
    }

    String operationId() {
        return node.path("operationId").asText("");
    }

    String label() {
        return method.toUpperCase() + " " + path;
    }

    @Override
    public String toString() {
        return label() + " (" + operationId() + ")";
    }

    List<String> templateNames() {
        List<String> names = new ArrayList<>();
        Matcher matcher = TEMPLATE.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** Parameters as API Gateway sees them: path-level first, overridden by operation-level of the same name and location. */
    Map<String, JsonNode> effectiveParameters(JsonNode root) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), node.path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode resolved = parameter.has("$ref")
                        ? JsonReferences.resolve(root, parameter.get("$ref").asText()).orElse(parameter)
                        : parameter;
                byKey.put(resolved.path("in").asText() + ":" + resolved.path("name").asText(), resolved);
            }
        }
        return byKey;
    }

    /** The operation's own security requirements, or the document's when it declares none. */
    JsonNode effectiveSecurity(JsonNode root) {
        return node.has("security") ? node.get("security") : root.path("security");
    }
}
