package dev.drsorchestrator.shared.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WaveStatusTest {

    @Test
    void isTerminal_shouldBeTrueExactly_whenWaveIsFinished() {
        // GIVEN the finished wave statuses
        EnumSet<WaveStatus> terminal = EnumSet.of(WaveStatus.COMPLETED, WaveStatus.PARTIAL, WaveStatus.FAILED,
                WaveStatus.CANCELLED, WaveStatus.TIMEOUT, WaveStatus.SKIPPED);

        // WHEN / THEN every status agrees, and only INITIATED and IN_PROGRESS are running
        for (WaveStatus status : WaveStatus.values()) {
            assertThat(status.isTerminal()).as(status.name()).isEqualTo(terminal.contains(status));
        }
        assertThat(EnumSet.allOf(WaveStatus.class).stream().filter(WaveStatus::isRunning))
                .containsExactlyInAnyOrder(WaveStatus.INITIATED, WaveStatus.IN_PROGRESS);
    }

    @ParameterizedTest
    @CsvSource({
        "PENDING,INITIATED", "PENDING,IN_PROGRESS", "PENDING,SKIPPED", "PENDING,CANCELLED", "PENDING,FAILED",
        "INITIATED,IN_PROGRESS", "INITIATED,COMPLETED", "INITIATED,PARTIAL", "INITIATED,TIMEOUT",
        "IN_PROGRESS,COMPLETED", "IN_PROGRESS,PARTIAL", "IN_PROGRESS,FAILED", "IN_PROGRESS,CANCELLED",
        "IN_PROGRESS,TIMEOUT"
    })
    void canTransitionTo_shouldAllow_whenPairIsInTheTable(WaveStatus from, WaveStatus to) {
        // GIVEN a documented pair WHEN checked THEN allowed
        assertThat(from.requireTransition(to).allowed()).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
        "IN_PROGRESS,PENDING", "IN_PROGRESS,INITIATED", "INITIATED,PENDING", "INITIATED,SKIPPED",
        "PENDING,COMPLETED", "PENDING,PARTIAL", "COMPLETED,FAILED", "FAILED,COMPLETED", "SKIPPED,PENDING",
        "TIMEOUT,IN_PROGRESS"
    })
    void requireTransition_shouldReject_whenPairIsNotInTheTable(WaveStatus from, WaveStatus to) {
        // GIVEN a pair missing from the table WHEN checked
        TransitionResult<WaveStatus> result = from.requireTransition(to);

        // THEN refused, naming the status field
        assertThat(result).isInstanceOfSatisfying(TransitionResult.Rejected.class,
                rejected -> assertThat(rejected.violation().field()).isEqualTo("status"));
    }

    @ParameterizedTest
    @CsvSource({
        "PENDING,PENDING", "STARTED,IN_PROGRESS", "COMPLETED,COMPLETED", "FAILED,FAILED",
        "in_progress,IN_PROGRESS", "completed,COMPLETED", "failed,FAILED", "cancelled,CANCELLED",
        "partial,PARTIAL", "initiated,INITIATED", "launching,IN_PROGRESS", "polling,IN_PROGRESS",
        "running,IN_PROGRESS", "STARTING,INITIATED", "timeout,TIMEOUT", "skipped,SKIPPED", "' Completed ',COMPLETED",
        "in progress,IN_PROGRESS", "canceled,CANCELLED", "partial failure,PARTIAL"
    })
    void normalize_shouldMapDrsAndLegacyValues_whenKnown(String text, WaveStatus expected) {
        // GIVEN a DRS job status or a legacy lower-case wave status WHEN normalised THEN it maps onto our vocabulary
        assertThat(WaveStatus.normalize(text)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"unknown", "   ", "DONE"})
    void normalize_shouldBeEmpty_whenUnknownOrBlank(String text) {
        // GIVEN an unreadable status WHEN normalised THEN nothing is guessed
        assertThat(WaveStatus.normalize(text)).isEmpty();
    }

    @Test
    void normalize_shouldRoundTrip_whenGivenWireName() {
        // GIVEN every wire name WHEN normalised THEN the same status comes back
        for (WaveStatus status : WaveStatus.values()) {
            assertThat(WaveStatus.normalize(status.wireName())).contains(status);
            assertThat(WaveStatus.normalize(status.wireName().toLowerCase(java.util.Locale.ROOT))).contains(status);
        }
    }
}
