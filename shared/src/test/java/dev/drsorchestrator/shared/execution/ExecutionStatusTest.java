package dev.drsorchestrator.shared.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ExecutionStatusTest {

    @Test
    void isTerminal_shouldBeTrueExactly_whenStatusIsFinal() {
        // GIVEN the final statuses of the table
        EnumSet<ExecutionStatus> terminal = EnumSet.of(ExecutionStatus.CANCELLED, ExecutionStatus.COMPLETED,
                ExecutionStatus.PARTIAL, ExecutionStatus.FAILED, ExecutionStatus.TIMEOUT);

        // WHEN / THEN every status agrees with that set, and active is its complement
        for (ExecutionStatus status : ExecutionStatus.values()) {
            assertThat(status.isTerminal()).as(status.name()).isEqualTo(terminal.contains(status));
            assertThat(status.isActive()).as(status.name()).isEqualTo(!terminal.contains(status));
        }
    }

    @Test
    void isActive_shouldHoldClaims_whenCancellingBecauseJobsMayStillRun() {
        // GIVEN a cancel that has been requested but not finished
        ExecutionStatus status = ExecutionStatus.CANCELLING;

        // WHEN / THEN it still counts as active
        assertThat(status.isActive()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "PENDING,RUNNING", "PENDING,PAUSED", "PENDING,CANCELLING", "PENDING,CANCELLED", "PENDING,FAILED",
        "RUNNING,PAUSED", "RUNNING,CANCELLING", "RUNNING,COMPLETED", "RUNNING,PARTIAL", "RUNNING,FAILED",
        "RUNNING,TIMEOUT", "PAUSED,RUNNING", "PAUSED,CANCELLING", "PAUSED,CANCELLED", "PAUSED,FAILED",
        "PAUSED,TIMEOUT", "CANCELLING,CANCELLED", "CANCELLING,PARTIAL", "CANCELLING,FAILED", "CANCELLING,TIMEOUT"
    })
    void canTransitionTo_shouldAllow_whenPairIsInTheTable(ExecutionStatus from, ExecutionStatus to) {
        // GIVEN a pair from the documented table WHEN checked THEN it is allowed
        assertThat(from.canTransitionTo(to)).isTrue();
        assertThat(from.requireTransition(to)).isEqualTo(new TransitionResult.Allowed<>(from, to));
    }

    @ParameterizedTest
    @CsvSource({
        "PENDING,COMPLETED", "PENDING,PARTIAL", "PENDING,TIMEOUT", "RUNNING,PENDING", "RUNNING,CANCELLED",
        "PAUSED,PENDING", "PAUSED,COMPLETED", "CANCELLING,RUNNING", "CANCELLING,PAUSED", "CANCELLING,COMPLETED",
        "COMPLETED,RUNNING", "FAILED,RUNNING", "CANCELLED,PENDING", "TIMEOUT,COMPLETED", "PARTIAL,FAILED"
    })
    void requireTransition_shouldRejectWithStatusViolation_whenPairIsNotInTheTable(ExecutionStatus from,
                                                                                  ExecutionStatus to) {
        // GIVEN a pair missing from the table
        // WHEN checked
        TransitionResult<ExecutionStatus> result = from.requireTransition(to);

        // THEN it is refused with a violation on the status field
        assertThat(result).isInstanceOf(TransitionResult.Rejected.class);
        TransitionResult.Rejected<ExecutionStatus> rejected = (TransitionResult.Rejected<ExecutionStatus>) result;
        assertThat(rejected.violation().field()).isEqualTo("status");
        assertThat(rejected.violation().rule()).isEqualTo("transition");
        assertThat(rejected.violation().message()).contains(from.name()).contains(to.name());
        assertThat(result.allowed()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(ExecutionStatus.class)
    void canTransitionTo_shouldAllowSameStatus_whenTaskIsRedelivered(ExecutionStatus status) {
        // GIVEN a duplicate delivery writing the current status again WHEN checked THEN it is a harmless no-op
        assertThat(status.canTransitionTo(status)).isTrue();
    }

    @Test
    void requireTransition_shouldSayFinal_whenLeavingTerminalStatus() {
        // GIVEN a completed execution WHEN a late task tries to mark it running
        TransitionResult<ExecutionStatus> result = ExecutionStatus.COMPLETED.requireTransition(ExecutionStatus.RUNNING);

        // THEN the message says the status is final
        assertThat(((TransitionResult.Rejected<ExecutionStatus>) result).violation().message()).contains("final");
    }

    @Test
    void canTransitionTo_shouldThrow_whenTargetIsNull() {
        // GIVEN a null target (a programming error) WHEN / THEN it is refused loudly
        assertThatThrownBy(() -> ExecutionStatus.RUNNING.canTransitionTo(null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "RUNNING,RUNNING", "running,RUNNING", " Paused ,PAUSED", "IN_PROGRESS,RUNNING", "in_progress,RUNNING",
        "in progress,RUNNING", "POLLING,RUNNING", "launching,RUNNING", "INITIATED,RUNNING", "STARTED,RUNNING",
        "canceled,CANCELLED", "TIMED_OUT,TIMEOUT", "partial,PARTIAL", "cancelling,CANCELLING"
    })
    void fromWire_shouldMapOriginalSpellings_whenKnown(String text, ExecutionStatus expected) {
        // GIVEN a stored or legacy spelling WHEN read THEN it maps onto our vocabulary
        assertThat(ExecutionStatus.fromWire(text)).contains(expected);
    }

    @Test
    void fromWire_shouldBeEmpty_whenUnknownOrBlank() {
        // GIVEN unreadable statuses WHEN read THEN nothing is guessed
        assertThat(ExecutionStatus.fromWire(null)).isEmpty();
        assertThat(ExecutionStatus.fromWire("  ")).isEmpty();
        assertThat(ExecutionStatus.fromWire("rolled_back")).isEmpty();
    }

    @Test
    void wireName_shouldBeUpperCaseConstant_whenWritten() {
        // GIVEN any status WHEN written THEN the wire name is the upper-case name the original stores
        for (ExecutionStatus status : ExecutionStatus.values()) {
            assertThat(status.wireName()).isEqualTo(status.name()).isUpperCase();
            assertThat(ExecutionStatus.fromWire(status.wireName())).contains(status);
        }
    }
}
