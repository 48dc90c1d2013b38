package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.AwsErrorType;

/**
 * Seed 002's error table: each of the 8 error types with the user message (naming the region) and the retryable flag
 * a region status records. DRS's {@code UninitializedAccountException} is the "DRS not available" case.
 */
public final class RegionErrors {
    /** Region status of a region that answered. */
    public static final String ACTIVE = "ACTIVE";
    /** Region status where DRS is not initialized or not offered. */
    public static final String NOT_INITIALIZED = "NOT_INITIALIZED";
    /** Region status after throttling. */
    public static final String THROTTLED = "THROTTLED";
    /** Region status after any other failure. */
    public static final String ERROR = "ERROR";

    private RegionErrors() {
    }

    /** The failure result of a translated AWS failure. */
    public static RegionResult.Failure of(String accountId, String region, AwsCallFailure failure) {
        AwsErrorType type = "UninitializedAccountException".equals(failure.errorCode())
                ? AwsErrorType.UNRECOGNIZED_CLIENT : failure.errorType();
        String message = switch (type) {
            case ACCESS_DENIED -> "Missing DRS permissions in region " + region;
            case UNRECOGNIZED_CLIENT -> "DRS not available in region " + region;
            case INVALID_REQUEST -> "Invalid DRS API request in region " + region;
            case THROTTLING -> "DRS API rate limit exceeded in region " + region + " - retry recommended";
            case SERVICE_QUOTA_EXCEEDED -> "DRS service quota exceeded in region " + region
                    + " - request quota increase";
            case INTERNAL_SERVER -> "DRS service error in region " + region + " - AWS internal issue";
            case CLIENT_ERROR -> "DRS API error " + failure.errorCode() + " in region " + region + ": "
                    + failure.getMessage();
            case UNEXPECTED -> "Unexpected error in region " + region + ": " + failure.getMessage();
        };
        boolean retryable = switch (type) {
            case THROTTLING, INTERNAL_SERVER -> true;
            case CLIENT_ERROR -> failure.retryable();
            default -> false;
        };
        String status = switch (type) {
            case UNRECOGNIZED_CLIENT -> NOT_INITIALIZED;
            case THROTTLING -> THROTTLED;
            default -> ERROR;
        };
        return new RegionResult.Failure(accountId, region, type.wireName(), message, retryable, status);
    }

    /** The failure result of an unexpected exception (error type 8). */
    public static RegionResult.Failure unexpected(String accountId, String region, Exception e) {
        return new RegionResult.Failure(accountId, region, AwsErrorType.UNEXPECTED.wireName(),
                "Unexpected error in region " + region + ": " + e.getClass().getSimpleName(), false, ERROR);
    }
}
