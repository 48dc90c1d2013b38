package dev.drsorchestrator.tests.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The wire contract as plain Java values, so integration tests can hold each handler's operation table and the
 * API Gateway emulation to cfn/openapi.yaml instead of to a hand-copied list.
 *
 * <pre>{@code
 * OpenApiContract contract = OpenApiContract.load();
 * assertThat(queryHandlerOperationNames).containsAll(contract.operationNamesOf("query-handler"));
 * }</pre>
 */
public final class OpenApiContract {

    /** One API Gateway route: method (upper case), resource path, operation name, permission and handler. */
    public record Route(String method, String path, String operationId, Optional<String> permission, String handler,
                        List<String> directHandlers) {
    }

    /** One direct-only operation: who invokes it, on which handler, under which permission ({@code system} included). */
    public record DirectOperation(String name, String handler, String permission, String invokedBy,
                                  List<String> aliases) {
    }

    private final List<Route> routes;
    private final Map<String, DirectOperation> directOperations;

    private OpenApiContract(List<Route> routes, Map<String, DirectOperation> directOperations) {
        this.routes = List.copyOf(routes);
        this.directOperations = Collections.unmodifiableMap(directOperations);
    }

    /** Reads cfn/openapi.yaml from the repository this test runs in. */
    public static OpenApiContract load() {
        JsonNode root = ContractDocuments.openApi();
        List<Route> routes = new ArrayList<>();
        for (ApiOperation operation : ApiOperation.routes(root)) {
            JsonNode node = operation.node();
            List<String> direct = new ArrayList<>();
            node.path("x-direct-handlers").forEach(handler -> direct.add(handler.asText()));
            routes.add(new Route(operation.method().toUpperCase(), operation.path(), operation.operationId(),
                    Optional.ofNullable(node.get("x-required-permission")).map(JsonNode::asText),
                    node.path("x-handler").asText(), List.copyOf(direct)));
        }
        Map<String, DirectOperation> direct = new LinkedHashMap<>();
        root.path("x-direct-operations").fields().forEachRemaining(entry -> {
            JsonNode value = entry.getValue();
            List<String> aliases = new ArrayList<>();
            value.path("aliases").forEach(alias -> aliases.add(alias.asText()));
            direct.put(entry.getKey(), new DirectOperation(entry.getKey(), value.path("handler").asText(),
                    value.path("permission").asText(), value.path("invokedBy").asText(), List.copyOf(aliases)));
        });
        return new OpenApiContract(routes, direct);
    }

    public List<Route> routes() {
        return routes;
    }

    public List<Route> routesOf(String handler) {
        return routes.stream().filter(route -> route.handler().equals(handler)).toList();
    }

    public Map<String, DirectOperation> directOperations() {
        return directOperations;
    }

    /**
     * Every operation name a handler must accept in direct mode: its routes, the routes that name it in
     * {@code x-direct-handlers}, and its direct-only operations with their aliases.
     */
    public Set<String> operationNamesOf(String handler) {
        Set<String> names = new TreeSet<>();
        routes.stream()
                .filter(route -> route.handler().equals(handler) || route.directHandlers().contains(handler))
                .forEach(route -> names.add(route.operationId()));
        directOperations.values().stream().filter(operation -> operation.handler().equals(handler))
                .forEach(operation -> {
                    names.add(operation.name());
                    names.addAll(operation.aliases());
                });
        return names;
    }
}
