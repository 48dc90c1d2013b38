package dev.drsorchestrator.shared.inventory;

/**
 * What the writer did with a batch of servers: {@code successCount + failureCount} always equals the input size.
 *
 * @param successCount servers written
 * @param failureCount servers not written (after the store's retries)
 */
public record WriteCounts(int successCount, int failureCount) {
    /** Nothing written, nothing failed. */
    public static final WriteCounts NONE = new WriteCounts(0, 0);

    /** The sum of two counts. */
    public WriteCounts plus(WriteCounts other) {
        return new WriteCounts(successCount + other.successCount, failureCount + other.failureCount);
    }
}
