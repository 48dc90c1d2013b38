package dev.drsorchestrator.local.stepfunctions;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The wall clock: real sleeps, interruptible, so StopExecution ends a waiting execution at once. */
final class SystemStepClock implements StepClock {

    static final SystemStepClock INSTANCE = new SystemStepClock();

    private SystemStepClock() {
    }

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public void sleepUntil(Instant deadline) throws InterruptedException {
        long millis = remainingMillis(deadline);
        while (millis > 0) {
            Thread.sleep(millis);
            millis = remainingMillis(deadline);
        }
    }

    @Override
    public boolean await(CompletableFuture<?> future, Instant deadline) throws InterruptedException {
        long millis = remainingMillis(deadline);
        try {
            if (millis <= 0) {
                return future.isDone();
            }
            future.get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException e) {
            return future.isDone();
        }
    }

    private static long remainingMillis(Instant deadline) {
        if (deadline.equals(Instant.MAX)) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
    }
}
