package dev.drsorchestrator.shared.snapstart;

import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.json.Json;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Work every first request would otherwise do one step after the other, started on background threads while the
 * handler is still being constructed: TLS set-up (JCA providers, the trust store) for the shared HTTP client on one
 * thread; the AWS SDK's client machinery ending in the hub DynamoDB client the audit record needs, then Jackson, on
 * another. With more than one core these overlap each other and the main thread, which shortens a cold start that
 * SnapStart does not cover; under SnapStart, priming waits for them before the snapshot.
 *
 * <p>Nothing here calls AWS. A task that fails leaves its work to the first request, which then builds what it needs
 * and reports any real error in the usual way; {@link #failures()} says what failed.
 *
 * <pre>{@code
 * InitWarmup warmup = InitWarmup.start(services);   // returns at once
 * warmup.await(10, TimeUnit.SECONDS);                // only where the work must be finished, e.g. before a snapshot
 * }</pre>
 */
public final class InitWarmup {
    private static final AtomicInteger NEXT = new AtomicInteger();

    private final Map<String, CompletableFuture<Void>> tasks;

    private InitWarmup(Map<String, CompletableFuture<Void>> tasks) {
        this.tasks = tasks;
    }

    /** A warm-up task; may throw, which only records a failure. */
    @FunctionalInterface
    public interface Task {
        /** Does the work. */
        void run() throws Exception;
    }

    /** Starts the handler warm-up for these services and returns at once. */
    public static InitWarmup start(CoreServices services) {
        Map<String, Task> tasks = new LinkedHashMap<>();
        tasks.put("tls", services.clients()::prepareHttpClient);
        tasks.put("sdk-and-json", () -> {
            services.clients().dynamoDb();
            warmJson();
        });
        return start(tasks);
    }

    /** Starts each named task on its own daemon thread and returns at once. */
    public static InitWarmup start(Map<String, Task> named) {
        Map<String, CompletableFuture<Void>> started = new LinkedHashMap<>();
        named.forEach((name, task) -> started.put(name, run(name, task)));
        return new InitWarmup(started);
    }

    /** Waits at most the given time for every task to end; true when all have ended (successfully or not). */
    public boolean await(long timeout, TimeUnit unit) {
        try {
            CompletableFuture.allOf(tasks.values().toArray(CompletableFuture[]::new)).get(timeout, unit);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException notAll) {
            return tasks.values().stream().allMatch(CompletableFuture::isDone);
        }
    }

    /** The names of the tasks that have ended with an exception, each with its message. */
    public List<String> failures() {
        return tasks.entrySet().stream()
                .filter(e -> e.getValue().isCompletedExceptionally())
                .map(e -> e.getKey() + ": " + e.getValue().handle((ok, failed) -> String.valueOf(failed)).join())
                .toList();
    }

    private static CompletableFuture<Void> run(String name, Task task) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                task.run();
                done.complete(null);
            } catch (Exception | LinkageError failed) {
                done.completeExceptionally(failed);
            }
        }, "init-warmup-" + name + "-" + NEXT.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /** Loads and initializes Jackson's tree reading and writing, which parsing every event needs first. */
    static void warmJson() throws IOException {
        byte[] text = Json.mapper().writeValueAsBytes(Json.mapper().createObjectNode()
                .put("httpMethod", "GET").put("path", "/health"));
        Json.mapper().readTree(text);
    }
}
