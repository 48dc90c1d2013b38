package dev.drsorchestrator.local.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.drsorchestrator.local.auth.LocalIssuer;
import dev.drsorchestrator.local.auth.TokenVerifier;
import dev.drsorchestrator.local.lambda.HandlerRegistry;
import dev.drsorchestrator.local.lambda.InvocationOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API as API Gateway would serve it, on loopback: routes from the OpenAPI contract, the Cognito user-pool
 * authorizer (401 before any handler runs), the Lambda proxy integration into the in-process handlers, mock OPTIONS
 * preflights, and the gateway's own error answers. Also serves the local user pool's JWKS at
 * {@code /.well-known/jwks.json} and, for {@code scripts/local-token.sh}, tokens at
 * {@code /_local/token?group=Admin&email=...}.
 */
public final class ApiGatewayServer implements AutoCloseable {
    /** The stage name in request contexts. */
    public static final String STAGE = "local";
    /** Where the user pool's public keys are served. */
    public static final String JWKS_PATH = "/.well-known/jwks.json";
    /** Where local tokens are minted. */
    public static final String TOKEN_PATH = "/_local/token";

    private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayServer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_BODY_BYTES = 10 * 1024 * 1024;
    private static final String ALLOW_HEADERS = "Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token";

    private final HttpServer server;
    private final ExecutorService executor;
    private final ApiContract contract;
    private final HandlerRegistry functions;
    private final CorsPolicy cors;
    private final LocalIssuer issuer;
    private final TokenVerifier verifier;
    private final TokenEndpoint tokens;
    private final String accountId;
    private final Clock clock;

    private ApiGatewayServer(HttpServer server, ApiContract contract, HandlerRegistry functions, CorsPolicy cors,
            String accountId, Clock clock) {
        this.server = server;
        this.contract = contract;
        this.functions = functions;
        this.cors = cors;
        this.accountId = accountId;
        this.clock = clock;
        this.issuer = LocalIssuer.generate(baseUri().toString(), LocalIssuer.DEFAULT_CLIENT_ID, clock);
        this.verifier = TokenVerifier.of(issuer, clock);
        this.tokens = new TokenEndpoint(issuer);
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "api-gateway-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::serve);
    }

    /**
     * Binds 127.0.0.1:{@code port} (0 picks a free port) and starts serving.
     *
     * @param accountId the account id request contexts carry (the hub account)
     */
    public static ApiGatewayServer start(int port, ApiContract contract, HandlerRegistry functions, CorsPolicy cors,
            String accountId, Clock clock) {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(functions, "functions");
        Objects.requireNonNull(cors, "cors");
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the API to 127.0.0.1:" + port, e);
        }
        ApiGatewayServer api = new ApiGatewayServer(server, contract, functions, cors, accountId, clock);
        server.start();
        return api;
    }

    /** The base URI, e.g. {@code http://127.0.0.1:8080}. */
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The local user pool: mint tokens with it in tests. */
    public LocalIssuer issuer() {
        return issuer;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        Reply reply;
        try {
            reply = dispatch(exchange, requestId);
        } catch (RuntimeException e) {
            LOG.error("API request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            reply = gatewayError(GatewayResponses.INTEGRATION_FAILURE, requestId, origin(exchange));
        }
        try (exchange) {
            write(exchange, reply, requestId);
        } catch (IOException e) {
            LOG.debug("client went away before the answer to {}", exchange.getRequestURI(), e);
        }
    }

    private Reply dispatch(HttpExchange exchange, String requestId) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String origin = origin(exchange);
        if (path.equals(JWKS_PATH) && method.equals("GET")) {
            return new Reply(200, Map.of("Content-Type", "application/json"),
                    issuer.jwksJson().getBytes(StandardCharsets.UTF_8));
        }
        if (path.equals(TOKEN_PATH) && method.equals("GET")) {
            TokenEndpoint.Answer answer = tokens.answer(ProxyEvents.query(exchange.getRequestURI().getRawQuery()));
            return new Reply(answer.status(), Map.of("Content-Type", answer.contentType()), answer.body());
        }
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            return gatewayError(GatewayResponses.REQUEST_TOO_LARGE, requestId, origin);
        }
        if (method.equals("OPTIONS")) {
            return contract.preflight(path).map(p -> preflight(p, origin))
                    .orElseGet(() -> gatewayError(GatewayResponses.MISSING_AUTHENTICATION_TOKEN, requestId, origin));
        }
        Optional<ApiContract.Matched> matched = contract.match(method, path);
        if (matched.isEmpty()) {
            return gatewayError(GatewayResponses.MISSING_AUTHENTICATION_TOKEN, requestId, origin);
        }
        Map<String, Object> claims = null;
        if (matched.get().route().authorized()) {
            Optional<Map<String, Object>> verified = verifier.verify(bearer(exchange.getRequestHeaders()));
            if (verified.isEmpty()) {
                return gatewayError(GatewayResponses.UNAUTHORIZED, requestId, origin);
            }
            claims = verified.get();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, List.copyOf(values)));
        ProxyEvents.HttpRequest http = new ProxyEvents.HttpRequest(method, path,
                exchange.getRequestURI().getRawQuery(), headers, new String(body, StandardCharsets.UTF_8),
                exchange.getRemoteAddress().getAddress().getHostAddress());
        byte[] event = ProxyEvents.build(http, matched.get(), claims, requestId, STAGE, accountId, clock.instant());
        InvocationOutcome outcome = functions.invoke(matched.get().route().handler(), event, requestId);
        if (!(outcome instanceof InvocationOutcome.Returned returned)) {
            return gatewayError(GatewayResponses.INTEGRATION_FAILURE, requestId, origin);
        }
        return proxyReply(returned.payload(), requestId, origin);
    }

    private Reply proxyReply(byte[] payload, String requestId, String origin) {
        JsonNode response;
        try {
            response = MAPPER.readTree(payload);
        } catch (IOException e) {
            response = null;
        }
        if (response == null || !response.path("statusCode").canConvertToInt()) {
            LOG.error("Request {}: the handler's answer is not a proxy response", requestId);
            return gatewayError(GatewayResponses.INTEGRATION_FAILURE, requestId, origin);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("multiValueHeaders").fields().forEachRemaining(e -> {
            List<String> values = new ArrayList<>();
            e.getValue().forEach(v -> values.add(v.asText()));
            headers.put(e.getKey(), String.join(",", values));
        });
        response.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
        applyCors(headers, origin);
        JsonNode bodyNode = response.get("body");
        String text = bodyNode == null || bodyNode.isNull() ? "" : bodyNode.asText();
        byte[] body = response.path("isBase64Encoded").asBoolean(false)
                ? java.util.Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        return new Reply(response.get("statusCode").asInt(), headers, body);
    }

    private void applyCors(Map<String, String> headers, String origin) {
        String key = headers.keySet().stream().filter(k -> k.equalsIgnoreCase("Access-Control-Allow-Origin"))
                .findFirst().orElse(null);
        if (key == null || origin == null) {
            return;
        }
        headers.remove(key);
        cors.allowOrigin(origin).ifPresent(allowed -> {
            headers.put("Access-Control-Allow-Origin", allowed);
            if (!allowed.equals("*")) {
                headers.put("Vary", "Origin");
            }
        });
    }

    private Reply preflight(ApiContract.Preflight preflight, String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        cors.allowOrigin(origin).ifPresent(allowed -> headers.put("Access-Control-Allow-Origin", allowed));
        headers.put("Access-Control-Allow-Methods", preflight.allowMethods());
        headers.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
        headers.put("Access-Control-Max-Age", "600");
        if (origin != null) {
            headers.put("Vary", "Origin");
        }
        return new Reply(200, headers, new byte[0]);
    }

    private Reply gatewayError(GatewayResponses.GatewayError error, String requestId, String origin) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("x-amzn-ErrorType", errorTypeHeader(error));
        cors.allowOrigin(origin).ifPresent(allowed -> headers.put("Access-Control-Allow-Origin", allowed));
        headers.put("Access-Control-Allow-Methods", "GET,POST,PUT,DELETE,OPTIONS");
        headers.put("Access-Control-Allow-Headers", ALLOW_HEADERS);
        return new Reply(error.status(), headers, GatewayResponses.body(error, requestId));
    }

    private static String errorTypeHeader(GatewayResponses.GatewayError error) {
        return switch (error.type()) {
            case "MISSING_AUTHENTICATION_TOKEN" -> "MissingAuthenticationTokenException";
            case "UNAUTHORIZED" -> "UnauthorizedException";
            case "REQUEST_TOO_LARGE" -> "RequestTooLargeException";
            default -> "InternalServerErrorException";
        };
    }

    /** The token of {@code Authorization: Bearer <t>} or of a bare {@code Authorization: <t>}. */
    static String bearer(Headers headers) {
        String value = headers.getFirst("Authorization");
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.regionMatches(true, 0, "Bearer ", 0, 7) ? trimmed.substring(7).trim() : trimmed;
    }

    private static String origin(HttpExchange exchange) {
        return exchange.getRequestHeaders().getFirst("Origin");
    }

    private static void write(HttpExchange exchange, Reply reply, String requestId) throws IOException {
        Headers out = exchange.getResponseHeaders();
        reply.headers().forEach(out::set);
        out.set("x-amzn-RequestId", requestId);
        boolean empty = reply.body().length == 0;
        exchange.sendResponseHeaders(reply.status(), empty ? -1 : reply.body().length);
        if (!empty) {
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(reply.body());
            }
        }
    }

    private record Reply(int status, Map<String, String> headers, byte[] body) {
    }

    /** A JSON object for the answers this package writes itself. */
    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
