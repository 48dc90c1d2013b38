package dev.drsorchestrator.shared.store;

import java.util.List;

/**
 * The outcome of a bulk write: how many items reached the table and which did not, so a sync can report exact counts
 * and nothing is dropped silently.
 *
 * @param successCount items written
 * @param failureCount items not written
 * @param failedIds    keys of the items not written
 */
public record BatchWriteResult(int successCount, int failureCount, List<String> failedIds) {

    /** Copies the ids. */
    public BatchWriteResult {
        failedIds = List.copyOf(failedIds);
    }
}
