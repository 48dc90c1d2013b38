package dev.drsorchestrator.execution;

import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.store.CountRebuildResult;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code rebuild_execution_counts} (direct, {@code system}): recomputes the dashboard's finished-execution counts per
 * day from the execution table. The backfill step of a deployment whose history predates the counts
 * (docs/operations.md); idempotent and safe while executions finish ({@code ExecutionStore.rebuildCounts}).
 */
final class RebuildExecutionCounts {
    private final ExecutionServices services;

    RebuildExecutionCounts(ExecutionServices services) {
        this.services = services;
    }

    Object rebuild(OperationRequest request) {
        CountRebuildResult result = services.executions().rebuildCounts();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("executionsScanned", result.executionsScanned());
        body.put("finishedCounted", result.finishedCounted());
        body.put("notCounted", result.notCounted());
        body.put("daysWritten", result.daysWritten());
        body.put("passes", result.passes());
        body.put("unsettledDays", result.unsettledDays());
        body.put("complete", result.unsettledDays().isEmpty());
        return body;
    }
}
