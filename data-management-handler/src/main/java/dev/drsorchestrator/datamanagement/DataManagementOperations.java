package dev.drsorchestrator.datamanagement;

import dev.drsorchestrator.datamanagement.sync.SyncOperations;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.HealthCheck;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationTable;
import java.util.ArrayList;
import java.util.List;

/** The operation table of data-management-handler: wire names, permissions and routes of its operations. */
final class DataManagementOperations {
    private DataManagementOperations() {
    }

    static OperationTable table(CoreServices services) {
        List<Operation> operations = new ArrayList<>(
                List.of(HealthCheck.operation("data-management-handler", services.clock())));
        operations.addAll(SyncOperations.operations(services));
        return new OperationTable(operations);
    }
}
