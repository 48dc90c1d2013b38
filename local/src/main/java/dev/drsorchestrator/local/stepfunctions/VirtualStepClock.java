package dev.drsorchestrator.local.stepfunctions;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A clock for tests: time moves only when the code asks it to. A {@code sleepUntil} (Wait state, Retry back-off)
 * jumps the clock forward at once; a task waiting for its result or token blocks until the result arrives or a test
 * calls {@link #advance(Duration)} past the deadline. Timings are asserted on event timestamps, never measured.
 */
public final class VirtualStepClock implements StepClock {

    private final Object lock = new Object();
    private Instant now;

    /** A clock that reads {@code start} until something moves it. */
    public VirtualStepClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public Instant now() {
        synchronized (lock) {
            return now;
        }
    }

    /** Moves the clock forward, waking tasks whose deadlines have passed. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("a clock cannot go back: " + duration);
        }
        synchronized (lock) {
            now = now.plus(duration);
            lock.notifyAll();
        }
    }

    @Override
    public void sleepUntil(Instant deadline) {
        synchronized (lock) {
            if (deadline.isAfter(now) && !deadline.equals(Instant.MAX)) {
                now = deadline;
                lock.notifyAll();
            }
        }
    }

    /** Completed means completed before the deadline on this clock: a result that arrives late is a timeout. */
    @Override
    public boolean await(CompletableFuture<?> future, Instant deadline) throws InterruptedException {
        Instant[] completedAt = new Instant[1];
        future.whenComplete((value, error) -> {
            synchronized (lock) {
                completedAt[0] = now;
                lock.notifyAll();
            }
        });
        synchronized (lock) {
            while (completedAt[0] == null && now.isBefore(deadline)) {
                lock.wait();
            }
            return completedAt[0] != null && completedAt[0].isBefore(deadline);
        }
    }
}
