package dev.drsorchestrator.query.dashboard;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The small pool the dashboard's independent reads run on, so one call costs about the slowest read instead of the
 * sum of about fifteen. Daemon threads, created once per execution environment; a failed read rethrows its own
 * exception so the pipeline maps it as if it had run on the caller's thread.
 */
final class DashboardReads {
    /** About the number of reads one dashboard call issues at once. */
    static final int THREADS = 8;
    private static final AtomicInteger NEXT = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newFixedThreadPool(THREADS, task -> {
        Thread thread = new Thread(task, "dashboard-read-" + NEXT.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    private DashboardReads() {
    }

    static <T> CompletableFuture<T> async(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, POOL);
    }

    /** The read's value; its own runtime exception (or error) when it failed. */
    static <T> T join(CompletableFuture<T> read) {
        try {
            return read.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the dashboard", interrupted);
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("dashboard read failed", cause);
        }
    }
}
