package dev.drsorchestrator.tests.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationTable;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.tests.contract.OpenApiContract;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every operation a handler serves is in cfn/openapi.yaml with the same handler, permission and routes, and the
 * contract gives none of its routes to another handler; and the other way round, every operation the contract gives a
 * handler (routes, direct-only operations and their aliases) is served by it, so the document describes exactly what
 * is deployed.
 */
class HandlerContractTest {
    private static final OpenApiContract CONTRACT = OpenApiContract.load();
    private static final Map<String, OperationTable> TABLES = HandlerOperations.all();

    @Test
    void routedOperations_shouldMatchContractHandlerPermissionAndRoutes_whenReadFromHandlers() {
        TABLES.forEach((handler, table) -> {
            for (Operation operation : table.operations()) {
                if (operation.routes().isEmpty()) {
                    continue;
                }
                // GIVEN the contract's routes carrying this operation's name
                var routes = CONTRACT.routes().stream()
                        .filter(route -> route.operationId().equals(operation.name())).toList();
                // THEN they belong to this handler, name the same permission, and are exactly its routes
                assertThat(routes).as("%s %s", handler, operation.name()).isNotEmpty()
                        .allSatisfy(route -> {
                            assertThat(route.handler()).isEqualTo(handler);
                            assertThat(route.permission()).isEqualTo(operation.permission().map(Permission::wire));
                        });
                Set<String> contractRoutes = routes.stream().map(route -> route.method() + " " + route.path())
                        .collect(Collectors.toSet());
                Set<String> served = operation.routes().stream()
                        .map(route -> route.method().toUpperCase(java.util.Locale.ROOT) + " " + route.resource())
                        .collect(Collectors.toSet());
                assertThat(served).as("%s %s", handler, operation.name()).isEqualTo(contractRoutes);
            }
        });
    }

    @Test
    void directOperations_shouldBeContractOperationsOfTheirHandler_whenReadFromHandlers() {
        TABLES.forEach((handler, table) -> {
            // GIVEN the names the contract lets this handler answer directly
            Set<String> allowed = CONTRACT.operationNamesOf(handler);
            for (Operation operation : table.operations()) {
                // THEN each served name and alias is one of them (health is every handler's direct liveness probe)
                if (!operation.name().equals("health")) {
                    assertThat(allowed).as(handler).contains(operation.name());
                    assertThat(allowed).as(handler + " aliases of " + operation.name())
                            .containsAll(operation.aliases());
                }
                var direct = CONTRACT.directOperations().get(operation.name());
                // (an operation that also has an API route carries the route's permission there; the contract's
                // direct entry then names who else may invoke it)
                if (direct != null && operation.routes().isEmpty()) {
                    assertThat(operation.permission().map(Permission::wire)).as(operation.name())
                            .contains(direct.permission());
                }
            }
        });
    }

    @Test
    void contractOperations_shouldAllBeServed_whenReadFromHandlers() {
        TABLES.forEach((handler, table) -> {
            // GIVEN every name and alias the handler's table answers
            Set<String> served = table.operations().stream()
                    .flatMap(operation -> java.util.stream.Stream.concat(java.util.stream.Stream.of(operation.name()),
                            operation.aliases().stream()))
                    .collect(Collectors.toSet());
            // THEN every operation the contract gives this handler is among them (the CORS preflights are API
            // Gateway mock integrations, answered before any handler)
            Set<String> owed = CONTRACT.operationNamesOf(handler).stream()
                    .filter(name -> !name.startsWith("cors_")).collect(Collectors.toSet());
            assertThat(served).as(handler).containsAll(owed);
        });
    }

    @Test
    void apiRoutes_shouldBeServedByOneHandlerOnly_whenTablesAreCombined() {
        // GIVEN every (method, path) any handler serves
        Map<String, Long> servers = TABLES.values().stream().flatMap(table -> table.operations().stream())
                .flatMap(operation -> operation.routes().stream())
                .collect(Collectors.groupingBy(route -> route.method() + " " + route.resource(),
                        Collectors.counting()));
        // THEN no route is served twice
        assertThat(servers).allSatisfy((route, count) -> assertThat(count).as(route).isEqualTo(1L));
        assertThat(TABLES).containsKeys("query-handler", "data-management-handler", "execution-handler");
    }
}
