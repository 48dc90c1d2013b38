package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.model.Execution;

/**
 * The outcome of {@code ExecutionStore.updateWave}: applied, or skipped because the delivery was stale (a duplicate or
 * an older poll) or would move the wave backwards. A skip is not an error: the state machine may re-deliver a task.
 */
public sealed interface WaveUpdate permits WaveUpdate.Applied, WaveUpdate.Skipped {

    /** The execution as stored after (or without) the update. */
    Execution execution();

    /** The change was written. */
    record Applied(Execution execution) implements WaveUpdate {
    }

    /** Nothing was written; {@code reason} says why, {@code execution} is the stored state. */
    record Skipped(Execution execution, String reason) implements WaveUpdate {
    }
}
