package dev.drsorchestrator.query;

import dev.drsorchestrator.query.waves.PollWaveStatus;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.HealthCheck;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationTable;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.security.Permission;

/** The operation table of query-handler: wire names, permissions and routes of every read operation. */
final class QueryOperations {
    private QueryOperations() {
    }

    static OperationTable table(CoreServices services) {
        UserPermissions user = new UserPermissions(services.rbac());
        return OperationTable.of(
                HealthCheck.operation("query-handler", services.clock(), Route.get("/health")),
                Operation.of("get_user_permissions", Permission.PROTECTION_GROUPS_READ, user::permissions,
                        Route.get("/user/permissions")),
                Operation.of("poll_wave_status", Permission.EXECUTIONS_READ,
                        new PollWaveStatus(Gateways.from(services))::poll));
    }
}
