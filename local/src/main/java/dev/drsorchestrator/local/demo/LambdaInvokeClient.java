package dev.drsorchestrator.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A direct invocation as an operator makes it ({@code aws lambda invoke --endpoint-url}): {@code POST
 * /2015-03-31/functions/{name}/invocations} on the runtime's AWS endpoint. The endpoint routes by the SigV4
 * credential scope and does not verify signatures (loopback only), so the request carries the scope of the hub's
 * access key {@code test} and no real signature. A function error ({@code X-Amz-Function-Error}) or a client-error
 * result ({@code statusCode} 4xx/5xx) becomes a {@link DemoException} with the handler's message.
 */
final class LambdaInvokeClient {
    /** The access key the local runtime maps to the hub account. */
    static final String HUB_ACCESS_KEY = "test";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(45);

    private final HttpClient http;
    private final URI endpoint;
    private final String region;

    LambdaInvokeClient(HttpClient http, URI endpoint, String region) {
        this.http = http;
        this.endpoint = endpoint;
        this.region = region;
    }

    /** Invokes {@code function} with {@code payload} (RequestResponse) and returns its result, unwrapped. */
    JsonNode invoke(String function, String payload) {
        String what = "Lambda Invoke " + function;
        String scope = HUB_ACCESS_KEY + "/" + LocalDate.now(ZoneOffset.UTC).format(DateTimeFormatter.BASIC_ISO_DATE)
                + "/" + region + "/lambda/aws4_request";
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/2015-03-31/functions/" + function
                        + "/invocations"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + scope
                        + ", SignedHeaders=content-type;host, Signature=unsigned-local")
                .header("Content-Type", "application/json")
                .header("X-Amz-Invocation-Type", "RequestResponse")
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DemoException(what + " failed: " + e.getMessage() + " (is the AWS endpoint at " + endpoint
                    + " up?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException(what + " was interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw ApiClient.refused("POST", "/2015-03-31/functions/" + function + "/invocations", response);
        }
        JsonNode result = ApiClient.parse(what, response.body());
        if (response.headers().firstValue("X-Amz-Function-Error").isPresent()) {
            throw new DemoException(what + " reported a function error: "
                    + result.path("errorType").asText("?") + ": " + result.path("errorMessage").asText(""));
        }
        return unwrap(what, result);
    }

    /** Some operations answer in the proxy envelope ({@code statusCode}, {@code body}); this returns the body. */
    static JsonNode unwrap(String what, JsonNode result) {
        if (!result.has("statusCode") || !result.has("body")) {
            return result;
        }
        int status = result.path("statusCode").asInt();
        JsonNode body = result.get("body").isTextual() ? ApiClient.parse(what, result.get("body").asText())
                : result.get("body");
        if (status / 100 != 2) {
            throw new DemoException(what + " answered " + status + ": " + body.path("message").asText(body.toString()));
        }
        return body;
    }
}
