package dev.drsorchestrator.shared.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.handler.CoreServices;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class SnapStartPrimingTest {

    private static CoreServices offlineServices() {
        return CoreServices.from(Env.of(Map.of(
                "AUDIT_LOG_TABLE", "audit",
                "AWS_REGION", "eu-west-1",
                "AWS_ACCESS_KEY_ID", "offline",
                "AWS_SECRET_ACCESS_KEY", "offline",
                "AWS_ENDPOINT_URL", "http://127.0.0.1:9")));
    }

    @Test
    void beforeCheckpoint_shouldWarmJacksonAndBuildTheCachedClients_whenNoAwsIsReachable() throws Exception {
        // GIVEN services whose endpoint accepts no connection
        CoreServices services = offlineServices();
        SnapStartPriming priming = new SnapStartPriming(services);
        // WHEN Lambda announces the checkpoint
        priming.beforeCheckpoint(null);
        // THEN Jackson and both clients are warmed without a call, and the handler later gets the primed clients
        assertThat(priming.warmed()).containsExactly("jackson", "tls", "dynamodb", "sts");
        assertThat(services.clients().dynamoDb()).isSameAs(services.clients().dynamoDb());
    }

    @Test
    void afterRestore_shouldKeepWhatWasPrimed_whenRestored() throws Exception {
        // GIVEN a primed environment
        SnapStartPriming priming = new SnapStartPriming(offlineServices());
        priming.beforeCheckpoint(null);
        // WHEN it is restored
        priming.afterRestore(null);
        // THEN the record of what was warmed is unchanged
        assertThat(priming.warmed()).containsExactly("jackson", "tls", "dynamodb", "sts");
    }

    @Test
    void beforeCheckpoint_shouldLetTheInitWarmupFinishFirst_whenOneIsRunning() throws Exception {
        // GIVEN priming over a warm-up whose task is still running
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean taskEnded = new AtomicBoolean();
        InitWarmup warmup = InitWarmup.start(Map.of("slow", () -> {
            release.await();
            taskEnded.set(true);
        }));
        SnapStartPriming priming = new SnapStartPriming(offlineServices(), warmup);
        // WHEN the checkpoint is announced while another thread lets the task finish a little later
        Thread releaser = new Thread(() -> {
            sleepQuietly(100);
            release.countDown();
        });
        releaser.start();
        priming.beforeCheckpoint(null);
        releaser.join();
        // THEN priming returned only after the warm-up's task had ended, and then primed as usual
        assertThat(taskEnded).isTrue();
        assertThat(priming.warmed()).containsExactly("jackson", "tls", "dynamodb", "sts");
    }

    @Test
    void primed_shouldHandBackTheSameServices_whenAHandlerIsConstructed() {
        // GIVEN services WHEN a handler constructor primes them THEN it gets them back unchanged
        CoreServices services = offlineServices();
        assertThat(SnapStartPriming.primed(services)).isSameAs(services);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
