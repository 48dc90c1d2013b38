package dev.drsorchestrator.datamanagement;

import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.HealthCheck;
import dev.drsorchestrator.shared.handler.OperationTable;

/** The operation table of data-management-handler: wire names, permissions and routes of its operations. */
final class DataManagementOperations {
    private DataManagementOperations() {
    }

    static OperationTable table(CoreServices services) {
        return OperationTable.of(HealthCheck.operation("data-management-handler", services.clock()));
    }
}
