package dev.drsorchestrator.local.stepfunctions;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * Time as the runner sees it. Wait states, Retry back-off and task timeouts go through this interface, so tests run
 * them on a {@link VirtualStepClock} and never sleep.
 */
public interface StepClock {

    /** The current instant. */
    Instant now();

    /** Blocks until the clock reaches {@code deadline} (returns at once when it already has). */
    void sleepUntil(Instant deadline) throws InterruptedException;

    /**
     * Blocks until {@code future} completes or the clock reaches {@code deadline}, whichever comes first.
     *
     * @return true when the future completed
     */
    boolean await(CompletableFuture<?> future, Instant deadline) throws InterruptedException;

    /** The wall clock. */
    static StepClock system() {
        return SystemStepClock.INSTANCE;
    }
}
