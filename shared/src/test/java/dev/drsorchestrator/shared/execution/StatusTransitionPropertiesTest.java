package dev.drsorchestrator.shared.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class StatusTransitionPropertiesTest {

    @Property
    void executionTable_shouldNeverLeaveTerminalState_whenAnyTargetRequested(@ForAll ExecutionStatus from,
                                                                             @ForAll ExecutionStatus to) {
        // GIVEN any pair WHEN the source is terminal and the target differs THEN the table refuses
        if (from.isTerminal() && to != from) {
            assertThat(from.canTransitionTo(to)).isFalse();
            assertThat(from.requireTransition(to).allowed()).isFalse();
        }
        assertThat(from.requireTransition(to).allowed()).isEqualTo(from.canTransitionTo(to));
    }

    @Property
    void waveTable_shouldNeverLeaveTerminalState_whenAnyTargetRequested(@ForAll WaveStatus from,
                                                                        @ForAll WaveStatus to) {
        // GIVEN any pair WHEN the source is terminal and the target differs THEN the table refuses
        if (from.isTerminal() && to != from) {
            assertThat(from.canTransitionTo(to)).isFalse();
        }
        assertThat(from.requireTransition(to).allowed()).isEqualTo(from.canTransitionTo(to));
    }

    @Property
    void executionTable_shouldStayTerminal_whenWalkingAnySequenceOfAllowedSteps(
            @ForAll List<ExecutionStatus> requested) {
        // GIVEN a random sequence of requested statuses applied only when allowed
        ExecutionStatus current = ExecutionStatus.PENDING;
        boolean reachedTerminal = false;
        ExecutionStatus terminal = null;
        for (ExecutionStatus next : requested) {
            if (current.canTransitionTo(next)) {
                current = next;
            }
            // THEN once a terminal status is reached it never changes again
            if (reachedTerminal) {
                assertThat(current).isEqualTo(terminal);
            } else if (current.isTerminal()) {
                reachedTerminal = true;
                terminal = current;
            }
        }
    }
}
