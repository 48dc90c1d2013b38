package dev.drsorchestrator.shared.gateway;

import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.drs.model.ThrottlingException;
import software.amazon.awssdk.services.sts.model.StsException;

/** Translates SDK exceptions into {@link AwsCallFailure}s; every gateway call runs through {@link #call}. */
final class AwsFailures {
    private static final Set<String> THROTTLING = Set.of("ThrottlingException", "Throttling", "ThrottledException",
            "RequestLimitExceeded", "TooManyRequestsException", "RequestThrottled", "RequestThrottledException",
            "SlowDown", "ProvisionedThroughputExceededException");
    private static final Set<String> DENIED = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation",
            "UnrecognizedClientException", "UninitializedAccountException", "InvalidClientTokenId", "ExpiredToken",
            "ExpiredTokenException", "AuthFailure", "SignatureDoesNotMatch", "OptInRequired", "AuthorizationError");
    private static final Set<String> NOT_FOUND = Set.of("ResourceNotFoundException", "NoSuchEntity", "NotFound",
            "NotFoundException", "ExecutionDoesNotExist", "StateMachineDoesNotExist", "TaskDoesNotExist");
    private static final Set<String> CONFLICT = Set.of("ConflictException", "ExecutionAlreadyExists",
            "ConcurrentModificationException", "IncorrectState", "InvalidToken", "TaskTimedOut");
    private static final Set<String> QUOTA = Set.of("ServiceQuotaExceededException", "LimitExceededException",
            "LimitExceeded", "ExecutionLimitExceeded");
    private static final Set<String> INVALID = Set.of("InvalidRequestException", "ValidationException",
            "InvalidParameterValue", "InvalidParameter", "InvalidParameterException", "InvalidParameterCombination",
            "InvalidInput", "InvalidArn", "InvalidExecutionInput", "MissingParameter");

    private AwsFailures() {
    }

    /** Runs one AWS call (including its paging) and translates any SDK failure. */
    static <T> T call(String service, String operation, Supplier<T> body) {
        try {
            return body.get();
        } catch (SdkException e) {
            throw translate(service, operation, e);
        }
    }

    /** Runs one AWS call that returns nothing. */
    static void run(String service, String operation, Runnable body) {
        call(service, operation, () -> {
            body.run();
            return null;
        });
    }

    /**
     * A response that parsed but lacks the list every complete answer carries: the connection ended early. Treating
     * it as "no items" would make an inventory sync delete every server it did not see, so it is a retryable failure.
     */
    static AwsCallFailure incomplete(String service, String operation) {
        return new AwsCallFailure.Transport(new AwsCallFailure.Details(service, operation, "IncompleteResponse",
                "the response ended before its result list", AwsErrorType.UNEXPECTED, null, null));
    }

    static AwsCallFailure translate(String service, String operation, Throwable failure) {
        AwsServiceException aws = serviceCause(failure);
        if (aws == null) {
            String code = failure.getClass().getSimpleName();
            return new AwsCallFailure.Transport(new AwsCallFailure.Details(service, operation, code,
                    failure.getMessage(), AwsErrorType.UNEXPECTED, null, null));
        }
        boolean assumeRole = aws instanceof StsException && !"sts".equals(service);
        String svc = assumeRole ? "sts" : service;
        String op = assumeRole ? "AssumeRole" : operation;
        AwsErrorDetails details = aws.awsErrorDetails();
        String code = details == null || details.errorCode() == null ? "HTTP" + aws.statusCode() : details.errorCode();
        String message = details == null ? aws.getMessage() : details.errorMessage();
        int status = aws.statusCode();
        AwsErrorType type = typeOf(code, status);
        AwsCallFailure.Details d = new AwsCallFailure.Details(svc, op, code, message, type,
                status == 0 ? null : status, retryAfter(aws));
        if (THROTTLING.contains(code) || status == 429) {
            return new AwsCallFailure.Throttled(d);
        }
        if (DENIED.contains(code) || assumeRole) {
            return new AwsCallFailure.Denied(d);
        }
        if (NOT_FOUND.contains(code) || code.endsWith(".NotFound") || status == 404) {
            return new AwsCallFailure.NotFound(d);
        }
        if (CONFLICT.contains(code) || status == 409) {
            return new AwsCallFailure.Conflict(d);
        }
        if (QUOTA.contains(code) || code.endsWith("LimitExceeded")) {
            return new AwsCallFailure.QuotaExceeded(d);
        }
        if (status >= 500 || "InternalServerException".equals(code) || "InternalFailure".equals(code)
                || "ServiceUnavailable".equals(code)) {
            return new AwsCallFailure.ServerError(d);
        }
        if (status == 403) {
            return new AwsCallFailure.Denied(d);
        }
        return new AwsCallFailure.Rejected(d);
    }

    private static AwsErrorType typeOf(String code, int status) {
        if (THROTTLING.contains(code) || status == 429) {
            return AwsErrorType.THROTTLING;
        }
        if ("UnrecognizedClientException".equals(code)) {
            return AwsErrorType.UNRECOGNIZED_CLIENT;
        }
        if (code.startsWith("AccessDenied") || "UnauthorizedOperation".equals(code)
                || "AuthorizationError".equals(code)) {
            return AwsErrorType.ACCESS_DENIED;
        }
        if (INVALID.contains(code) || code.endsWith(".Malformed")) {
            return AwsErrorType.INVALID_REQUEST;
        }
        if (QUOTA.contains(code)) {
            return AwsErrorType.SERVICE_QUOTA_EXCEEDED;
        }
        if (status >= 500 || "InternalServerException".equals(code) || "InternalFailure".equals(code)) {
            return AwsErrorType.INTERNAL_SERVER;
        }
        return AwsErrorType.CLIENT_ERROR;
    }

    private static AwsServiceException serviceCause(Throwable failure) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < 8; depth++) {
            if (t instanceof AwsServiceException aws) {
                return aws;
            }
            t = t.getCause();
        }
        return null;
    }

    private static Long retryAfter(AwsServiceException aws) {
        if (aws instanceof ThrottlingException drs && drs.retryAfterSeconds() != null) {
            Long parsed = parse(drs.retryAfterSeconds());
            if (parsed != null) {
                return parsed;
            }
        }
        AwsErrorDetails details = aws.awsErrorDetails();
        if (details == null || details.sdkHttpResponse() == null) {
            return null;
        }
        return details.sdkHttpResponse().firstMatchingHeader("Retry-After").map(AwsFailures::parse).orElse(null);
    }

    private static Long parse(String seconds) {
        try {
            long value = Long.parseLong(seconds.trim());
            return value >= 0 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
