package dev.drsorchestrator.shared.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds API Gateway proxy responses: status code, CORS headers for the configured origin, the security headers every
 * response carries, and a JSON body serialized by the one mapper.
 */
public final class Responses {
    private final Map<String, String> headers;

    /** Responses allowing the given CORS origin (e.g. the CloudFront URL; {@code *} only for local use). */
    public Responses(String allowedOrigin) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("Access-Control-Allow-Origin", allowedOrigin);
        h.put("Access-Control-Allow-Headers", "Content-Type,Authorization,X-Amz-Date,X-Api-Key,X-Amz-Security-Token");
        h.put("Access-Control-Allow-Methods", "GET,POST,PUT,DELETE,OPTIONS");
        if (!"*".equals(allowedOrigin)) {
            h.put("Vary", "Origin");
        }
        h.put("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        h.put("X-Content-Type-Options", "nosniff");
        h.put("X-Frame-Options", "DENY");
        h.put("Cache-Control", "no-store");
        h.put("Content-Security-Policy", "default-src 'none'");
        this.headers = Map.copyOf(h);
    }

    /** The headers of every API response. */
    public Map<String, String> headers() {
        return headers;
    }

    /** An API Gateway proxy response with a JSON body ({@code null} body gives an empty string). */
    public ObjectNode api(int statusCode, Object body) {
        ObjectNode response = Json.mapper().createObjectNode();
        response.put("statusCode", statusCode);
        ObjectNode h = response.putObject("headers");
        headers.forEach(h::put);
        response.put("body", body == null ? "" : Json.write(body));
        response.put("isBase64Encoded", false);
        return response;
    }
}
