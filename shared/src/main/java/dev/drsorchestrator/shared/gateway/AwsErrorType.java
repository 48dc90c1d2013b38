package dev.drsorchestrator.shared.gateway;

/**
 * The eight error types of seed 002 that a region status records. Every {@link AwsCallFailure} has exactly one, so the
 * inventory pipeline can store {@code errorType} and a friendly message without inspecting raw AWS error codes.
 */
public enum AwsErrorType {
    ACCESS_DENIED("AccessDeniedException", "Missing DRS permissions in region"),
    UNRECOGNIZED_CLIENT("UnrecognizedClientException", "DRS not available in region"),
    INVALID_REQUEST("InvalidRequestException", "Invalid API request"),
    THROTTLING("ThrottlingException", "API rate limit exceeded - retry recommended"),
    SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", "Service quota exceeded"),
    INTERNAL_SERVER("InternalServerException", "AWS service error - retry recommended"),
    CLIENT_ERROR("ClientError", "AWS rejected the request"),
    UNEXPECTED("UnexpectedError", "Unexpected error calling AWS");

    private final String wireName;
    private final String friendlyMessage;

    AwsErrorType(String wireName, String friendlyMessage) {
        this.wireName = wireName;
        this.friendlyMessage = friendlyMessage;
    }

    /** The name stored as {@code errorType} (the seed's spelling). */
    public String wireName() {
        return wireName;
    }

    /** A message safe to show a DR engineer; never contains AWS request detail. */
    public String friendlyMessage() {
        return friendlyMessage;
    }
}
