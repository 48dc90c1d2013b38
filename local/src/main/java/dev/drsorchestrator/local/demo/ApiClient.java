package dev.drsorchestrator.local.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The demo's user agent for the REST API: what the frontend does, over real HTTP to the API port, with an ID token of
 * the local user pool in {@code Authorization: Bearer}. A non-2xx answer becomes a {@link DemoException} carrying the
 * method, path, status and the API's own {@code message}.
 */
final class ApiClient {
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final URI base;

    ApiClient(HttpClient http, URI base) {
        this.http = http;
        this.base = base;
    }

    /** An ID token for a user of {@code group}, minted by the runtime's issuer ({@code GET /_local/token}). */
    String token(String group, String email) {
        String query = "group=" + URLEncoder.encode(group, StandardCharsets.UTF_8) + "&email="
                + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&format=raw";
        HttpResponse<String> response = send(HttpRequest.newBuilder(base.resolve("/_local/token?" + query)).GET(),
                "GET /_local/token");
        if (response.statusCode() != 200) {
            throw refused("GET", "/_local/token", response);
        }
        return response.body().trim();
    }

    JsonNode get(String path, String token) {
        return call("GET", path, token, null);
    }

    JsonNode post(String path, String token, Object body) {
        return call("POST", path, token, body);
    }

    private JsonNode call(String method, String path, String token, Object body) {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(write(body));
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).method(method, publisher)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        HttpResponse<String> response = send(request, method + " " + path);
        if (response.statusCode() / 100 != 2) {
            throw refused(method, path, response);
        }
        return parse(method + " " + path, response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String what) {
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoException(what + " failed: " + e.getMessage() + " (is the API at " + base + " up?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException(what + " was interrupted", e);
        }
    }

    /** The API's refusal in one line: {@code POST /recovery-plans was refused: 403 FORBIDDEN: <message>}. */
    static DemoException refused(String method, String path, HttpResponse<String> response) {
        String message = response.body();
        String code = "";
        try {
            JsonNode error = Json.mapper().readTree(response.body());
            if (error != null && error.hasNonNull("message")) {
                message = error.get("message").asText();
                code = error.path("error").asText("");
            }
        } catch (JsonProcessingException e) {
            message = response.body();
        }
        return new DemoException(method + " " + path + " was refused: " + response.statusCode()
                + (code.isEmpty() ? "" : " " + code) + ": " + message);
    }

    static JsonNode parse(String what, String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new DemoException(what + " answered something that is not JSON: " + abbreviate(text), e);
        }
    }

    private static String write(Object body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request body cannot be written as JSON", e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
