package dev.drsorchestrator.local.sim.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one loopback HTTP server of the simulator. Routes by the SigV4 signing name to a mounted
 * {@link AwsServiceHandler}, by path prefix to loopback-only paths such as {@code /_control}, and never lets an
 * exception escape as a stack trace.
 */
public final class EdgeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EdgeServer.class);
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    static {
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's delayed ACK and
        // every response waits ~40 ms. Read once when the JDK server classes load, so it must be set first.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final CallPolicy policy;
    private final Function<String, Optional<String>> accountOfKey;
    private final Map<String, AwsServiceHandler> services = new ConcurrentHashMap<>();
    private final Map<String, Function<SimRequest, SimResponse>> paths = new ConcurrentHashMap<>();

    /**
     * Binds to 127.0.0.1:{@code port} (0 picks a free port) with {@code threads} worker threads.
     * {@code accountOfKey} maps an access key id to its account, empty when the key is unknown.
     */
    public EdgeServer(int port, int threads, CallPolicy policy, Function<String, Optional<String>> accountOfKey)
            throws IOException {
        this.policy = policy;
        this.accountOfKey = accountOfKey;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(4096), r -> {
                    Thread t = new Thread(r, "sim-edge-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    /** Mounts a service under its signing name, replacing any handler mounted there before. */
    public void mount(AwsServiceHandler handler) {
        services.put(handler.signingName(), handler);
    }

    /** Mounts a loopback-only handler for every path starting with {@code prefix} (e.g. {@code /_control/}). */
    public void mountPath(String prefix, Function<SimRequest, SimResponse> handler) {
        paths.put(prefix, handler);
    }

    public void start() {
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void serve(HttpExchange exchange) throws IOException {
        SimResponse response;
        boolean[] drop = {false};
        String requestId = UUID.randomUUID().toString();
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        try {
            response = dispatch(exchange, requestId, drop);
        } catch (RuntimeException e) {
            LOG.error("simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            response = genericError(500, "InternalFailure", "The request processing has failed.");
        }
        if (drop[0]) {
            // Throwing before any response makes the JDK server close the connection: the client sees it drop.
            throw new IOException("connection dropped by an injected fault");
        }
        try (exchange) {
            write(exchange, response);
        } catch (IOException e) {
            LOG.debug("connection closed while answering {}", exchange.getRequestURI(), e);
        }
    }

    private SimResponse dispatch(HttpExchange exchange, String requestId, boolean[] drop) throws IOException {
        byte[] body = readBody(exchange.getRequestBody());
        if (body == null) {
            return genericError(413, "RequestEntityTooLarge", "Request body exceeds " + MAX_BODY_BYTES + " bytes");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
        String path = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        List<String> contentType = headers.get("content-type");
        Map<String, String> params = QueryParams.of(rawQuery, contentType == null ? null : contentType.get(0), body);
        SimRequest bare = new SimRequest(exchange.getRequestMethod(), path, rawQuery, headers, body, params, null,
                null, null, null, requestId);

        for (Map.Entry<String, Function<SimRequest, SimResponse>> mounted : paths.entrySet()) {
            if (path.startsWith(mounted.getKey())) {
                if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
                    return genericError(403, "AccessDeniedException", "The control endpoint answers loopback only");
                }
                return mounted.getValue().apply(bare);
            }
        }

        SigV4 scope = SigV4.from(bare.header("authorization"), params);
        if (scope == null) {
            return unsigned(bare, params.get("Action"));
        }
        AwsServiceHandler handler = services.get(scope.service());
        if (handler == null) {
            return genericError(400, "UnrecognizedServiceException",
                    "The simulator does not serve the service '" + scope.service() + "'");
        }
        SimRequest request = new SimRequest(bare.method(), path, rawQuery, headers, body, params, scope.service(),
                scope.region(), scope.accessKeyId(), null, requestId);
        Optional<String> account = accountOfKey.apply(scope.accessKeyId());
        if (account.isEmpty()) {
            return handler.renderError(request, handler.unknownAccessKey(scope.accessKeyId()));
        }
        request = request.withAccount(account.get());
        String operation = handler.operation(request);
        CallPolicy.Decision decision = policy.before(account.get(), scope.region(), scope.service(), operation);
        try {
            sleep(decision.latencyMillis());
            if (decision.drop()) {
                drop[0] = true;
                return null;
            }
            if (decision.errorCode() != null) {
                return handler.renderError(request, handler.faultError(decision.errorCode(),
                        decision.errorMessage(), decision.retryAfterSeconds()));
            }
            return handler.handle(request);
        } catch (AwsException e) {
            return handler.renderError(request, e);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed", scope.service(), operation, e);
            return handler.renderError(request, handler.faultError(null, null, null));
        } finally {
            policy.after();
        }
    }

    private SimResponse unsigned(SimRequest request, String action) {
        if (action != null) {
            for (AwsServiceHandler handler : services.values()) {
                if (handler.unsignedActions().contains(action)) {
                    return handler.renderError(request, handler.missingAuthentication());
                }
            }
        }
        return genericError(403, "MissingAuthenticationTokenException", "Missing Authentication Token");
    }

    private static void sleep(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] data = in.readNBytes(MAX_BODY_BYTES + 1);
        return data.length > MAX_BODY_BYTES ? null : data;
    }

    private static SimResponse genericError(int status, String code, String message) {
        String json = "{\"message\":\"" + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return SimResponse.json(status, json).withHeader("x-amzn-ErrorType", code);
    }

    private static void write(HttpExchange exchange, SimResponse response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] body = response.body();
        boolean empty = body.length == 0 || response.status() == 204;
        exchange.sendResponseHeaders(response.status(), empty ? -1 : body.length);
        if (!empty) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
