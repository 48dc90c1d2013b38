package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.json.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 002's response, kept exactly: status 200 with {@code {serverCount, successCount, failureCount}} as a JSON
 * string body and CORS headers, or 500 with {@code {error}} and a content-type header.
 *
 * @param statusCode 200 or 500
 * @param body       JSON text
 * @param headers    response headers
 */
public record SyncResponse(int statusCode, String body, Map<String, String> headers) {
    public SyncResponse {
        headers = Map.copyOf(headers);
    }

    /** The success response of an outcome. */
    public static SyncResponse success(SyncOutcome outcome) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("serverCount", outcome.serverCount());
        body.put("successCount", outcome.successCount());
        body.put("failureCount", outcome.failureCount());
        return new SyncResponse(200, Json.write(body),
                Map.of("Content-Type", "application/json", "Access-Control-Allow-Origin", "*"));
    }

    /** The error response; {@code reason} must be safe to show (no AWS or table detail). */
    public static SyncResponse error(String reason) {
        return new SyncResponse(500, Json.write(Map.of("error", "Inventory sync failed: " + reason)),
                Map.of("Content-Type", "application/json"));
    }
}
