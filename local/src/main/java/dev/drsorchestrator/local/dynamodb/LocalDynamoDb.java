package dev.drsorchestrator.local.dynamodb;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local 2.6.1 running in this JVM, in memory, on a loopback port: the real DynamoDB wire protocol with
 * nothing to install. Tests normally use {@link #shared()}; a test that needs its own server uses
 * try-with-resources on {@link #start()}.
 *
 * <pre>{@code
 * try (DynamoDbClient client = LocalDynamoDb.shared().client()) {
 *     TableCreator.createAll(client, "drs-test");
 * }
 * }</pre>
 */
public final class LocalDynamoDb implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalDynamoDb.class);
    private static final String LOOPBACK = "127.0.0.1";
    private static final int START_ATTEMPTS = 5;

    private final DynamoDBProxyServer server;
    private final int port;
    private final boolean shared;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private LocalDynamoDb(DynamoDBProxyServer server, int port, boolean shared) {
        this.server = server;
        this.port = port;
        this.shared = shared;
    }

    /** Starts a server on a free loopback port; the caller closes it. */
    public static LocalDynamoDb start() {
        return startOnFreePort(false);
    }

    /** Starts a server on the given port; the caller closes it. */
    public static LocalDynamoDb start(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, got " + port);
        }
        return startOn(port, false);
    }

    /**
     * The JVM-wide server for test suites: started on first use, stopped by a shutdown hook. Its {@link #close()}
     * does nothing, so a test may use it in try-with-resources without stopping it for the others.
     */
    public static LocalDynamoDb shared() {
        return SharedHolder.INSTANCE;
    }

    /** The HTTP endpoint, e.g. {@code http://127.0.0.1:41235}. */
    public URI endpoint() {
        return URI.create("http://" + LOOPBACK + ":" + port);
    }

    /** The port the server listens on. */
    public int port() {
        return port;
    }

    /**
     * A new SDK v2 client for this server (url-connection HTTP client, dummy credentials, us-east-1).
     * The caller owns it and closes it.
     */
    public DynamoDbClient client() {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    /** Stops the server and drops its data; a no-op for the {@link #shared()} instance and when already stopped. */
    @Override
    public void close() {
        if (!shared) {
            stop();
        }
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            server.stop();
            LOG.info("DynamoDB Local on port {} stopped", port);
        } catch (Exception e) {
            LOG.warn("DynamoDB Local on port {} did not stop cleanly", port, e);
        }
    }

    private static LocalDynamoDb startOnFreePort(boolean shared) {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            try {
                return startOn(freePort(), shared);
            } catch (IllegalStateException e) {
                last = e;
                LOG.debug("DynamoDB Local start attempt {} failed", attempt, e);
            }
        }
        throw last;
    }

    private static LocalDynamoDb startOn(int port, boolean shared) {
        DynamoDBProxyServer server;
        try {
            server = ServerRunner.createServerFromCommandLineArgs(
                    // -sharedDb: one database whatever the caller's access key and region, as with a real table
                    // that every handler (and the simulator's per-account keys) reaches under its own credentials.
                    new String[] {"-inMemory", "-sharedDb", "-disableTelemetry", "-port", Integer.toString(port)});
        } catch (Exception e) {
            throw new IllegalStateException("cannot configure DynamoDB Local on port " + port, e);
        }
        bindToLoopback(server);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(server);
            throw new IllegalStateException("DynamoDB Local failed to start on port " + port, e);
        }
        LOG.info("DynamoDB Local started on {}:{}", LOOPBACK, port);
        return new LocalDynamoDb(server, port, shared);
    }

    /**
     * DynamoDB Local has no host option; its Jetty connector is reachable only through the private server field.
     * When that fails (another DynamoDB Local build), the server still works, listening on all interfaces.
     */
    private static void bindToLoopback(DynamoDBProxyServer server) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            Object jetty = field.get(server);
            Object[] connectors = (Object[]) jetty.getClass().getMethod("getConnectors").invoke(jetty);
            for (Object connector : connectors) {
                Method setHost = connector.getClass().getMethod("setHost", String.class);
                setHost.invoke(connector, LOOPBACK);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("DynamoDB Local could not be bound to {}; it listens on all interfaces", LOOPBACK, e);
        }
    }

    private static void stopQuietly(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("DynamoDB Local stop after failed start", e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    private static final class SharedHolder {
        private static final LocalDynamoDb INSTANCE = startShared();

        private static LocalDynamoDb startShared() {
            LocalDynamoDb instance = startOnFreePort(true);
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "local-dynamodb-shutdown"));
            return instance;
        }
    }
}
