package dev.drsorchestrator.shared.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.invocation.Invocation;
import dev.drsorchestrator.shared.invocation.InvocationMode;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.security.Principal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Operation list = Operation.of("get_protection_groups", Permission.PROTECTION_GROUPS_READ, r -> "list",
            Route.get("/protection-groups"));
    private final Operation get = Operation.of("get_protection_group", Permission.PROTECTION_GROUPS_READ, r -> "one",
            Route.get("/protection-groups/{id}"));
    private final Operation sync = Operation.of("sync_source_server_inventory", Permission.SERVERS_WRITE, r -> "s")
            .withAliases("handle_sync_source_server_inventory");
    private final Router router = new Router(OperationTable.of(list, get, sync));

    private static Invocation api(String method, String resource, String path) {
        return new Invocation(InvocationMode.API_GATEWAY, null, method, resource, path, Map.of(), Map.of(), null,
                new Principal.Unknown(), null);
    }

    private static Invocation direct(String name) {
        return new Invocation(InvocationMode.DIRECT_LAMBDA, name, null, null, null, Map.of(), Map.of(), null,
                new Principal.Unknown(), null);
    }

    @Test
    void resolve_shouldMatchResourceTemplate_whenApiGatewayGivesIt() {
        assertThat(router.resolve(api("get", "/protection-groups/{id}", "/protection-groups/pg-1")).operation())
                .isSameAs(get);
    }

    @Test
    void resolve_shouldBindPathParameters_whenOnlyPathGiven() {
        Router.Resolved resolved = router.resolve(api("GET", null, "/protection-groups/pg-7/"));
        assertThat(resolved.operation()).isSameAs(get);
        assertThat(resolved.pathParameters()).containsExactly(Map.entry("id", "pg-7"));
    }

    @Test
    void resolve_shouldFindAlias_whenDirectNameIsSeedName() {
        assertThat(router.resolve(direct("handle_sync_source_server_inventory")).operation()).isSameAs(sync);
        assertThat(router.resolve(direct("sync_source_server_inventory")).operation()).isSameAs(sync);
    }

    @Test
    void resolve_shouldThrowListFreeNotFound_whenUnknown() {
        assertThatThrownBy(() -> router.resolve(direct("drop_tables"))).isInstanceOf(NotFoundException.class)
                .hasMessage("Unknown operation");
        assertThatThrownBy(() -> router.resolve(api("DELETE", "/protection-groups", "/protection-groups")))
                .hasMessage("Unknown operation");
        assertThatThrownBy(() -> router.resolve(api("GET", "/nope", "/nope"))).hasMessage("Unknown operation");
    }

    @Test
    void table_shouldRejectDuplicates_whenNameOrRouteRepeats() {
        assertThatThrownBy(() -> OperationTable.of(list, list)).hasMessage("Duplicate operation name get_protection_groups");
        Operation sameRoute = Operation.of("other", Permission.SERVERS_READ, r -> "", Route.get("/protection-groups"));
        assertThatThrownBy(() -> OperationTable.of(list, sameRoute)).hasMessage("Duplicate route GET /protection-groups");
    }

    @Test
    void operation_shouldRequirePermission_whenNotHealth() {
        assertThatThrownBy(() -> new Operation("x", java.util.List.of(), java.util.Optional.empty(),
                java.util.List.of(), r -> null)).hasMessage("Operation x must require a permission");
    }
}
