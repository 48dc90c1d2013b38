package dev.drsorchestrator.shared.error;

/**
 * Maps any throwable to the error body the caller receives. Client errors keep their message; everything else
 * becomes a 500 with a generic message and the request id, so no exception message or stack trace ever leaks.
 */
public final class ErrorMapper {
    /** The message of every 5xx response. */
    public static final String INTERNAL_MESSAGE = "Internal server error";

    private ErrorMapper() {
    }

    /** The response body for a failure. */
    public static ErrorResponse toResponse(Throwable failure, String requestId) {
        if (failure instanceof ClientErrorException client) {
            return new ErrorResponse(client.errorCode(), client.getMessage(), client.statusCode(), null);
        }
        return new ErrorResponse("INTERNAL_ERROR", INTERNAL_MESSAGE + " (request id " + requestId + ")", 500, requestId);
    }
}
