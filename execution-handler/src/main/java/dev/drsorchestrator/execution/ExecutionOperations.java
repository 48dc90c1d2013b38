package dev.drsorchestrator.execution;

import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.HealthCheck;
import dev.drsorchestrator.shared.handler.OperationTable;

/** The operation table of execution-handler: wire names, permissions and routes of its operations. */
final class ExecutionOperations {
    private ExecutionOperations() {
    }

    static OperationTable table(CoreServices services) {
        return OperationTable.of(HealthCheck.operation("execution-handler", services.clock()));
    }
}
