package dev.drsorchestrator.local.runtime;

import dev.drsorchestrator.local.sim.SimClock;
import dev.drsorchestrator.local.stepfunctions.StepClock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The state machine's time is the simulator's: a Wait state or a Retry back-off moves the simulated clock forward
 * to its deadline (when the simulator runs frozen or slower than the wait), so DRS jobs progress exactly as far as
 * the state machine waited, and a 30-second poll takes no real time.
 */
public final class SimStepClock implements StepClock {
    private static final long CHECK_MILLIS = 20;

    private final SimClock clock;

    /** A step clock over the simulator's clock. */
    public SimStepClock(SimClock clock) {
        this.clock = clock;
    }

    @Override
    public Instant now() {
        return clock.now();
    }

    @Override
    public void sleepUntil(Instant deadline) {
        if (deadline.equals(Instant.MAX)) {
            return;
        }
        synchronized (this) {
            Instant now = clock.now();
            if (deadline.isAfter(now)) {
                clock.advance(Duration.between(now, deadline));
            }
        }
    }

    /** Waits for the future while simulated time is before the deadline; only something else moves the clock. */
    @Override
    public boolean await(CompletableFuture<?> future, Instant deadline) throws InterruptedException {
        while (true) {
            try {
                future.get(CHECK_MILLIS, TimeUnit.MILLISECONDS);
                return !clock.now().isAfter(deadline);
            } catch (ExecutionException e) {
                return true;
            } catch (TimeoutException e) {
                if (!clock.now().isBefore(deadline)) {
                    return false;
                }
            }
        }
    }
}
