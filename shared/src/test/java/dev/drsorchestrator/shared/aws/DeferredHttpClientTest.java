package dev.drsorchestrator.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

class DeferredHttpClientTest {
    private final AtomicInteger created = new AtomicInteger();
    private final SdkHttpClient real = mock(SdkHttpClient.class);
    private final DeferredHttpClient deferred = new DeferredHttpClient(() -> {
        created.incrementAndGet();
        return real;
    });

    private static HttpExecuteRequest request() {
        return HttpExecuteRequest.builder().request(SdkHttpRequest.builder()
                .uri(URI.create("http://127.0.0.1:9/")).method(SdkHttpMethod.GET).build()).build();
    }

    @Test
    void constructor_shouldNotCreateTheClient_whenNothingWasSentYet() {
        // GIVEN a deferred client WHEN nobody uses it THEN the real client does not exist, but it already has the
        // url-connection client's name (the SDK reads it when building service clients)
        assertThat(created).hasValue(0);
        assertThat(deferred.clientName()).isEqualTo("UrlConnection");
    }

    @Test
    void prepareRequest_shouldCreateTheClientOnceAndDelegate_whenCalledRepeatedly() {
        // GIVEN a real client that answers requests
        ExecutableHttpRequest executable = mock(ExecutableHttpRequest.class);
        when(real.prepareRequest(any())).thenReturn(executable);
        // WHEN two requests are prepared
        HttpExecuteRequest request = request();
        ExecutableHttpRequest first = deferred.prepareRequest(request);
        deferred.prepareRequest(request);
        // THEN the real client was created once and received both
        assertThat(first).isSameAs(executable);
        assertThat(created).hasValue(1);
        verify(real, org.mockito.Mockito.times(2)).prepareRequest(request);
    }

    @Test
    void prepare_shouldCreateExactlyOneClient_whenManyThreadsRaceForIt() throws Exception {
        // GIVEN eight threads released at once
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<SdkHttpClient> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 8; i++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    seen.add(deferred.prepare());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            thread.start();
            threads.add(thread);
        }
        // WHEN they all prepare the client
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        // THEN one client was created and all got it
        assertThat(created).hasValue(1);
        assertThat(seen).hasSize(8).containsOnly(real);
    }

    @Test
    void close_shouldCloseTheRealClientAndRefuseLaterUse_whenItWasCreated() {
        // GIVEN a created client
        deferred.prepare();
        // WHEN it is closed
        deferred.close();
        // THEN the real one is closed and a later request fails clearly instead of reopening it
        verify(real).close();
        assertThatThrownBy(() -> deferred.prepareRequest(request()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void close_shouldNotCreateTheClient_whenItWasNeverUsed() {
        // GIVEN an unused client WHEN closed THEN nothing was created just to close it
        deferred.close();
        assertThat(created).hasValue(0);
    }
}
