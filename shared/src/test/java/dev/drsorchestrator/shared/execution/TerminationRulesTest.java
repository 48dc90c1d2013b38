package dev.drsorchestrator.shared.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.execution.TerminationDecision.BlockReason;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminationRulesTest {

    private static final List<WaveRecord> FINISHED_WAVES =
            List.of(WaveRecord.of("COMPLETED", "drsjob-1"), WaveRecord.of("FAILED", "drsjob-2"));

    @ParameterizedTest
    @ValueSource(strings = {"COMPLETED", "FAILED", "CANCELLED", "PARTIAL", "TIMEOUT", "completed"})
    void evaluate_shouldAllow_whenExecutionEndedWithInstances(String status) {
        // GIVEN an ended execution whose waves launched instances WHEN evaluated
        TerminationDecision decision = TerminationRules.evaluate(status, FINISHED_WAVES, false);

        // THEN termination is allowed
        assertThat(decision).isEqualTo(new TerminationDecision(true, null, true));
        assertThat(decision.reason()).isNull();
        assertThat(decision.violation()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PENDING", "RUNNING", "PAUSED", "CANCELLING", "IN_PROGRESS", "bogus", ""})
    void evaluate_shouldRefuse_whenExecutionHasNotEnded(String status) {
        // GIVEN a running (or unreadable) execution WHEN evaluated
        TerminationDecision decision = TerminationRules.evaluate(status, FINISHED_WAVES, false);

        // THEN refused with the original's message
        assertThat(decision.canTerminate()).isFalse();
        assertThat(decision.blockedBy()).isEqualTo(BlockReason.EXECUTION_ACTIVE);
        assertThat(decision.reason()).isEqualTo("Execution not in terminal state");
        assertThat(decision.violation()).hasValueSatisfying(v -> assertThat(v.rule()).isEqualTo("terminable"));
    }

    @Test
    void evaluate_shouldRefuse_whenNoWaveStartedAJob() {
        // GIVEN an execution cancelled before any job started WHEN evaluated
        TerminationDecision decision = TerminationRules.evaluate("CANCELLED",
                List.of(WaveRecord.of("CANCELLED", null), WaveRecord.of("SKIPPED", " ")), false);

        // THEN there is nothing to terminate
        assertThat(decision).isEqualTo(new TerminationDecision(false, BlockReason.NO_RECOVERY_INSTANCES, false));
        assertThat(decision.reason()).isEqualTo("No recovery instances found");
    }

    @Test
    void evaluate_shouldRefuse_whenInstancesAlreadyTerminated() {
        // GIVEN a previous termination WHEN evaluated THEN refused, still reporting instances existed
        assertThat(TerminationRules.evaluate("COMPLETED", FINISHED_WAVES, true))
                .isEqualTo(new TerminationDecision(false, BlockReason.ALREADY_TERMINATED, true));
    }

    @Test
    void evaluate_shouldRefuse_whenAWaveStillRuns() {
        // GIVEN an ended execution with a wave whose job is still launching WHEN evaluated
        List<WaveRecord> waves = List.of(WaveRecord.of("COMPLETED", "drsjob-1"), WaveRecord.of("LAUNCHING", "j-2"));

        // THEN refused because instances may still appear
        assertThat(TerminationRules.evaluate("CANCELLED", waves, false).blockedBy())
                .isEqualTo(BlockReason.WAVES_ACTIVE);
    }

    @Test
    void evaluate_shouldTreatWaveAsRunning_whenItsStatusIsUnreadableOrPendingWithJob() {
        // GIVEN unreadable wave status, or a pending wave that already holds a job WHEN evaluated THEN refused
        assertThat(TerminationRules.evaluate("FAILED",
                List.of(WaveRecord.of("COMPLETED", "j-1"), WaveRecord.of("weird", null)), false).blockedBy())
                .isEqualTo(BlockReason.WAVES_ACTIVE);
        assertThat(TerminationRules.evaluate("FAILED",
                List.of(WaveRecord.of("COMPLETED", "j-1"), WaveRecord.of("PENDING", "j-2")), false).blockedBy())
                .isEqualTo(BlockReason.WAVES_ACTIVE);
    }

    @Test
    void evaluate_shouldAllow_whenUnreachedWavesArePendingWithoutJobs() {
        // GIVEN a cancelled execution whose later waves never started WHEN evaluated THEN allowed
        List<WaveRecord> waves = List.of(WaveRecord.of("COMPLETED", "j-1"), WaveRecord.of("PENDING", null));

        assertThat(TerminationRules.evaluate("CANCELLED", waves, false).canTerminate()).isTrue();
    }

    @Test
    void evaluate_shouldCountEveryJob_whenWaveRanAsSeveralJobs() {
        // GIVEN a large wave that ran as two jobs WHEN evaluated THEN instances are found
        WaveRecord wave = new WaveRecord("PARTIAL", List.of("j-1", "j-2"));

        assertThat(TerminationRules.evaluate("PARTIAL", List.of(wave), false).hasRecoveryInstances()).isTrue();
    }
}
