package dev.drsorchestrator.local.sim.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response to write back: status, content type, extra headers and body bytes. */
public record SimResponse(int status, String contentType, Map<String, String> headers, byte[] body) {
    public SimResponse {
        headers = Map.copyOf(headers);
    }

    public static SimResponse json(int status, String json) {
        return new SimResponse(status, "application/json", Map.of(), json.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse xml(int status, String xml) {
        return new SimResponse(status, "text/xml", Map.of(), xml.getBytes(StandardCharsets.UTF_8));
    }

    /** This response with one more header. */
    public SimResponse withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new SimResponse(status, contentType, all, body);
    }
}
