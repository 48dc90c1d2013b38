package dev.drsorchestrator.shared.execution;

import dev.drsorchestrator.shared.execution.TerminationDecision.BlockReason;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether the recovery (or drill) instances of an execution may be terminated: only once the execution has
 * ended, it launched something, nothing was terminated before, and no wave is still running. One rule for the API,
 * the frontend's button and the state machine (the seed's {@code can_terminate_execution}).
 *
 * <p>Differences from the original, both on the safe side: {@code TIMEOUT} counts as ended (a timed-out drill still
 * leaves instances behind), a wave whose status cannot be read counts as running, and a {@code PENDING} wave
 * counts as running only if it already has a DRS job (a wave the execution never reached holds no instances).
 */
public final class TerminationRules {

    private TerminationRules() {
    }

    /**
     * Evaluates the conditions in order and reports the first that fails.
     *
     * @param executionStatus     the stored execution status, any spelling {@link ExecutionStatus#fromWire} accepts
     * @param waves               the execution's waves
     * @param instancesTerminated whether a termination already ran
     */
    public static TerminationDecision evaluate(String executionStatus, List<WaveRecord> waves,
                                               boolean instancesTerminated) {
        Objects.requireNonNull(waves, "waves");
        boolean ended = ExecutionStatus.fromWire(executionStatus).map(ExecutionStatus::isTerminal).orElse(false);
        if (!ended) {
            return new TerminationDecision(false, BlockReason.EXECUTION_ACTIVE, false);
        }
        boolean hasInstances = waves.stream().anyMatch(wave -> !wave.jobIds().isEmpty());
        if (!hasInstances) {
            return new TerminationDecision(false, BlockReason.NO_RECOVERY_INSTANCES, false);
        }
        if (instancesTerminated) {
            return new TerminationDecision(false, BlockReason.ALREADY_TERMINATED, true);
        }
        boolean anyRunning = waves.stream().anyMatch(TerminationRules::isStillRunning);
        if (anyRunning) {
            return new TerminationDecision(false, BlockReason.WAVES_ACTIVE, true);
        }
        return new TerminationDecision(true, null, true);
    }

    /** A pending wave that already holds a job id has a DRS job that has not started yet. */
    private static boolean isStillRunning(WaveRecord wave) {
        Optional<WaveStatus> status = WaveStatus.normalize(wave.status());
        if (status.isEmpty()) {
            return true;
        }
        return status.get().isRunning() || (status.get() == WaveStatus.PENDING && !wave.jobIds().isEmpty());
    }
}
