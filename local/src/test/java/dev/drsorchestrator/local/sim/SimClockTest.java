package dev.drsorchestrator.local.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SimClockTest {
    private static final Instant START = Instant.parse("2026-01-05T09:00:00Z");

    @Test
    void now_shouldStayPut_whenTheFactorIsZero() {
        SimClock clock = new SimClock(START, 0);

        assertThat(clock.now()).isEqualTo(START);
    }

    @Test
    void advance_shouldMoveTheClockByExactlyTheAmount_whenFrozen() {
        // GIVEN a frozen clock
        SimClock clock = new SimClock(START, 0);

        // WHEN advanced twice
        clock.advance(Duration.ofMinutes(5));
        clock.advance(Duration.ofSeconds(30));

        // THEN it moved by the sum
        assertThat(clock.now()).isEqualTo(START.plusSeconds(330));
    }

    @Test
    void setFactor_shouldKeepTheCurrentTime_whenTheClockIsFrozenAgain() {
        // GIVEN a running clock that is advanced and then frozen
        SimClock clock = new SimClock(START, 1000);
        clock.advance(Duration.ofHours(1));
        clock.setFactor(0);
        Instant frozen = clock.now();

        // THEN it never runs backwards and stays where it was frozen
        assertThat(frozen).isAfterOrEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(clock.now()).isEqualTo(frozen);
    }

    @Test
    void advance_shouldRejectNegativeAmounts_whenGivenOne() {
        SimClock clock = new SimClock(START, 0);

        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.setFactor(-2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time factor");
    }
}
