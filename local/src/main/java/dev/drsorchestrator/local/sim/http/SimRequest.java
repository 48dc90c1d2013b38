package dev.drsorchestrator.local.sim.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One request as the edge saw it: raw HTTP parts plus what it derived (service, region, access key, account).
 * {@code params} holds the query string merged with a form-encoded body (the query protocol's parameters);
 * {@code accountId} is null when the credentials were missing or unknown.
 */
public record SimRequest(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                         Map<String, String> params, String service, String region, String accessKeyId,
                         String accountId, String requestId) {

    /** The first value of a header (name case-insensitive), or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** This request with the caller resolved. */
    public SimRequest withAccount(String account) {
        return new SimRequest(method, path, rawQuery, headers, body, params, service, region, accessKeyId, account,
                requestId);
    }
}
