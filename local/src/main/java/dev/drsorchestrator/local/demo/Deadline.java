package dev.drsorchestrator.local.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The moment a wait gives up, so that no step of the demo can hang. */
record Deadline(Clock clock, Instant at, Duration budget) {

    static Deadline after(Clock clock, Duration budget) {
        return new Deadline(clock, clock.instant().plus(budget), budget);
    }

    boolean passed() {
        return !clock.instant().isBefore(at);
    }

    /** Time left, never negative. */
    Duration remaining() {
        Duration left = Duration.between(clock.instant(), at);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
