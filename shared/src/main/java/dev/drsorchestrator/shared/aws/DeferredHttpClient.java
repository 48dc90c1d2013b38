package dev.drsorchestrator.shared.aws;

import java.util.function.Supplier;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * The shared HTTP client, created on its first request (or when {@link #prepare} is called) rather than when an SDK
 * client is built. Creating the url-connection client sets up TLS (JCA providers, the trust store), which is a large
 * part of a cold start; deferring it lets SDK client construction and TLS set-up run on different threads.
 */
final class DeferredHttpClient implements SdkHttpClient {
    /** The name the SDK reports in its user agent, the same as the url-connection client's own. */
    static final String CLIENT_NAME = "UrlConnection";

    private final Supplier<SdkHttpClient> factory;
    private volatile SdkHttpClient delegate;
    private boolean closed;

    DeferredHttpClient(Supplier<SdkHttpClient> factory) {
        this.factory = factory;
    }

    /** Creates the underlying client now, if not yet created. */
    SdkHttpClient prepare() {
        SdkHttpClient client = delegate;
        if (client == null) {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("the HTTP client is closed");
                }
                client = delegate;
                if (client == null) {
                    client = factory.get();
                    delegate = client;
                }
            }
        }
        return client;
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return prepare().prepareRequest(request);
    }

    @Override
    public String clientName() {
        return CLIENT_NAME;
    }

    @Override
    public synchronized void close() {
        closed = true;
        SdkHttpClient client = delegate;
        delegate = null;
        if (client != null) {
            client.close();
        }
    }
}
