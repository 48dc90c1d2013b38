package dev.drsorchestrator.shared.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.security.Permission;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OperationTest {
    @Test
    void system_shouldRequireSystemPermissionWithoutRoutes_whenBuilt() {
        // WHEN
        Operation operation = Operation.system("sync_recovery_instances", request -> "done")
                .withAliases("sync_alias");
        // THEN
        assertThat(operation.permission()).contains(Permission.SYSTEM);
        assertThat(operation.routes()).isEmpty();
        assertThat(operation.aliases()).containsExactly("sync_alias");
    }

    @Test
    void constructor_shouldRefuse_whenSystemOperationHasRoute() {
        // GIVEN / WHEN / THEN a system operation can never be given an API route
        assertThatThrownBy(() -> new Operation("handle_sync_staging_accounts", List.of(),
                Optional.of(Permission.SYSTEM), List.of(Route.post("/sync")), request -> "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("System operation handle_sync_staging_accounts must not have an API route");
    }
}
