package dev.drsorchestrator.local.apigateway;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Which browser origins may call the local API. By default any page served from {@code localhost} or
 * {@code 127.0.0.1} on any port (a frontend's dev server), else exactly one configured origin, or {@code *}.
 * The allowed origin is echoed back, as an API Gateway deployment configured for that origin would answer.
 */
public final class CorsPolicy {
    /** The configuration value that allows every loopback origin. */
    public static final String ANY_LOCALHOST = "localhost";

    private final String configured;

    /** A policy from the configured value: {@link #ANY_LOCALHOST}, {@code *}, or one origin. */
    public CorsPolicy(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalArgumentException("allowed origin must be 'localhost', '*' or an origin like "
                    + "http://localhost:3000");
        }
        String value = configured.trim();
        if (!value.equals(ANY_LOCALHOST) && !value.equals("*") && !isOrigin(value)) {
            throw new IllegalArgumentException("allowed origin '" + configured + "' must be 'localhost', '*' or "
                    + "scheme://host[:port] with no path");
        }
        this.configured = value;
    }

    /** The configured value, as the banner shows it. */
    public String describe() {
        return configured.equals(ANY_LOCALHOST) ? "any http(s)://localhost:* or 127.0.0.1:* origin" : configured;
    }

    /**
     * The {@code Access-Control-Allow-Origin} value for a request from {@code origin} (null when the request has no
     * Origin header): empty when the browser must not be given access.
     */
    public Optional<String> allowOrigin(String origin) {
        if (configured.equals("*")) {
            return Optional.of("*");
        }
        if (origin == null) {
            return configured.equals(ANY_LOCALHOST) ? Optional.empty() : Optional.of(configured);
        }
        if (configured.equals(ANY_LOCALHOST)) {
            return isLoopbackOrigin(origin) ? Optional.of(origin) : Optional.empty();
        }
        return configured.equalsIgnoreCase(origin) ? Optional.of(configured) : Optional.empty();
    }

    /** The origin the handlers put in their own CORS headers ({@code ALLOWED_ORIGIN}); the gateway refines it. */
    public String handlerOrigin() {
        return configured.equals(ANY_LOCALHOST) ? "http://localhost" : configured;
    }

    private static boolean isLoopbackOrigin(String origin) {
        if (!isOrigin(origin)) {
            return false;
        }
        String host = URI.create(origin).getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static boolean isOrigin(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
                    && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
