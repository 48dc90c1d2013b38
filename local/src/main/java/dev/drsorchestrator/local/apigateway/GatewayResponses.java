package dev.drsorchestrator.local.apigateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * The answers API Gateway itself gives, before or instead of a handler, in the shape of the contract's
 * {@code x-amazon-apigateway-gateway-responses} template: {@code {"error": type, "message": text, "requestId": id}}.
 */
final class GatewayResponses {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A gateway-produced response: status, response type and message. */
    record GatewayError(int status, String type, String message) {
    }

    static final GatewayError MISSING_AUTHENTICATION_TOKEN = new GatewayError(403, "MISSING_AUTHENTICATION_TOKEN",
            "Missing Authentication Token");
    static final GatewayError UNAUTHORIZED = new GatewayError(401, "UNAUTHORIZED", "Unauthorized");
    static final GatewayError REQUEST_TOO_LARGE = new GatewayError(413, "REQUEST_TOO_LARGE", "Request Too Long");
    static final GatewayError INTEGRATION_FAILURE = new GatewayError(502, "DEFAULT_5XX", "Internal server error");

    private GatewayResponses() {
    }

    static byte[] body(GatewayError error, String requestId) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("error", error.type());
        body.put("message", error.message());
        body.put("requestId", requestId);
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
