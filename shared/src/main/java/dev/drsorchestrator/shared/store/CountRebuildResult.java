package dev.drsorchestrator.shared.store;

import java.util.List;

/**
 * What one run of {@code ExecutionStore.rebuildCounts} did, so the operator running the backfill sees whether every
 * day was settled or a day raced live writes on every pass (then run it again).
 *
 * @param executionsScanned  execution items read (per pass, the last pass's number)
 * @param finishedCounted    finished executions counted (last pass)
 * @param notCounted         finished executions whose start time is unreadable, so counted on no day (last pass)
 * @param daysWritten        day items replaced with recomputed counts, over all passes
 * @param passes             scans of the execution table made
 * @param unsettledDays      days changed by live writes during every pass; empty when the rebuild is complete
 */
public record CountRebuildResult(int executionsScanned, int finishedCounted, int notCounted, int daysWritten,
        int passes, List<String> unsettledDays) {

    /** Copies the list. */
    public CountRebuildResult {
        unsettledDays = List.copyOf(unsettledDays);
    }
}
