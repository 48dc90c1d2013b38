package dev.drsorchestrator.shared.store;

/** Waits between retries of a batch call; tests pass one that records instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps for the given time. */
    void sleep(long millis) throws InterruptedException;
}
