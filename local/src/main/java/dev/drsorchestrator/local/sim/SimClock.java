package dev.drsorchestrator.local.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The simulator's notion of "now": real time scaled by a factor, plus whatever was advanced by hand. Jobs progress
 * against this clock, so tests freeze it (factor 0) and step it, and demos run it accelerated instead of waiting
 * minutes for a drill to finish.
 */
public final class SimClock {
    private final Object lock = new Object();
    private Instant base;
    private long realStartNanos;
    private double factor;

    SimClock(Instant start, double factor) {
        if (!(factor >= 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("time factor must be a finite number >= 0, got " + factor);
        }
        this.base = Objects.requireNonNull(start, "start");
        this.realStartNanos = System.nanoTime();
        this.factor = factor;
    }

    /** The current simulated time. */
    public Instant now() {
        synchronized (lock) {
            return base.plusNanos((long) ((System.nanoTime() - realStartNanos) * factor));
        }
    }

    /** Moves the clock forward by {@code amount}, on top of any running time. */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        synchronized (lock) {
            rebase();
            base = base.plus(amount);
        }
    }

    /**
     * Sets how fast simulated time follows real time: 0 freezes it (only {@link #advance} moves it), 1 is real time,
     * 60 makes a minute pass every second.
     */
    public void setFactor(double newFactor) {
        if (!(newFactor >= 0) || Double.isInfinite(newFactor)) {
            throw new IllegalArgumentException("time factor must be a finite number >= 0, got " + newFactor);
        }
        synchronized (lock) {
            rebase();
            factor = newFactor;
        }
    }

    /** Jumps to {@code start} (a scenario's start time); time then runs on from there at the same factor. */
    public void reset(Instant start) {
        synchronized (lock) {
            base = Objects.requireNonNull(start, "start");
            realStartNanos = System.nanoTime();
        }
    }

    /** The current time factor. */
    public double factor() {
        synchronized (lock) {
            return factor;
        }
    }

    private void rebase() {
        long nowNanos = System.nanoTime();
        base = base.plusNanos((long) ((nowNanos - realStartNanos) * factor));
        realStartNanos = nowNanos;
    }
}
