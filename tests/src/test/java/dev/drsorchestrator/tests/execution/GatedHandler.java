package dev.drsorchestrator.tests.execution;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A handler that holds its invocations until the test opens it, so a test can act while a wave is running. */
final class GatedHandler implements RequestStreamHandler {
    private final RequestStreamHandler delegate;
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch opened = new CountDownLatch(1);

    GatedHandler(RequestStreamHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        entered.countDown();
        try {
            if (!opened.await(3, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while gated", e);
        }
        delegate.handleRequest(input, output, context);
    }

    void awaitEntered() throws InterruptedException {
        if (!entered.await(3, TimeUnit.MINUTES)) {
            throw new IllegalStateException("the gated function was never invoked");
        }
    }

    void open() {
        opened.countDown();
    }
}
