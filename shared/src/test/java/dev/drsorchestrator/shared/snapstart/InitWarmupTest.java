package dev.drsorchestrator.shared.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InitWarmupTest {

    @Test
    void start_shouldRunEveryTaskOnItsOwnDaemonThread_whenStarted() {
        // GIVEN two tasks that record the thread they ran on
        Map<String, Thread> ranOn = new ConcurrentHashMap<>();
        Map<String, InitWarmup.Task> tasks = new LinkedHashMap<>();
        tasks.put("one", () -> ranOn.put("one", Thread.currentThread()));
        tasks.put("two", () -> ranOn.put("two", Thread.currentThread()));
        // WHEN the warm-up starts and is awaited
        InitWarmup warmup = InitWarmup.start(tasks);
        boolean finished = warmup.await(10, TimeUnit.SECONDS);
        // THEN both ran, each on a daemon thread of its own (never the caller's), and none failed
        assertThat(finished).isTrue();
        assertThat(ranOn).containsOnlyKeys("one", "two");
        assertThat(ranOn.get("one")).isNotSameAs(ranOn.get("two")).isNotSameAs(Thread.currentThread());
        assertThat(ranOn.values()).allMatch(Thread::isDaemon);
        assertThat(ranOn.get("one").getName()).startsWith("init-warmup-one-");
        assertThat(warmup.failures()).isEmpty();
    }

    @Test
    void start_shouldReturnBeforeTheTasksEnd_whenTheyAreSlow() throws Exception {
        // GIVEN a task that waits for a signal
        CountDownLatch release = new CountDownLatch(1);
        InitWarmup warmup = InitWarmup.start(Map.of("slow", release::await));
        // WHEN the caller goes on THEN the task has not ended, and a short await says so
        assertThat(warmup.await(50, TimeUnit.MILLISECONDS)).isFalse();
        release.countDown();
        assertThat(warmup.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void failures_shouldNameTheFailedTaskAndItsReason_whenATaskThrows() {
        // GIVEN one failing and one healthy task
        Map<String, InitWarmup.Task> tasks = new LinkedHashMap<>();
        tasks.put("tls", () -> {
            throw new IllegalStateException("no trust store");
        });
        tasks.put("json", InitWarmup::warmJson);
        // WHEN both have ended
        InitWarmup warmup = InitWarmup.start(tasks);
        boolean finished = warmup.await(10, TimeUnit.SECONDS);
        // THEN the failure is reported, not thrown, and the other task was unaffected
        assertThat(finished).isTrue();
        List<String> failures = warmup.failures();
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).startsWith("tls: ").contains("no trust store");
    }
}
