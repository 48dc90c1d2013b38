package dev.drsorchestrator.shared.inventory;

/** One way of running the sync end to end: the parallel streaming pipeline or the sequential reference. */
public interface InventoryPipeline {
    /** Runs a full sync and reports what it did; throws only when no sync could start (account table unreadable). */
    SyncOutcome run();

    /** A short name for logs and the metrics dimension. */
    String name();
}
