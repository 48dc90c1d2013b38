package dev.drsorchestrator.shared.error;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The error body every caller sees: {@code {"error", "message", "statusCode"}}, plus the request id on server
 * errors so an operator can find the log line. The frontend reads {@code message}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorResponse(String error, String message, int statusCode, String requestId) {

    /** True for 4xx responses. */
    @JsonIgnore
    public boolean isClientError() {
        return statusCode >= 400 && statusCode < 500;
    }
}
