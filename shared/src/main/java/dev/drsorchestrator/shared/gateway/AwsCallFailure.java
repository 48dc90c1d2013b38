package dev.drsorchestrator.shared.gateway;

import dev.drsorchestrator.shared.error.ClientErrorException;
import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.error.QuotaExceededException;
import java.util.Optional;

/**
 * An AWS call that failed, translated at the gateway boundary so no SDK exception reaches a handler. The subtype says
 * what a caller can do about it (back off, fix permissions, report not found or a conflict); {@link #errorType()}
 * gives seed 002's error type for region statuses. The message is the AWS message and is for logs only: a handler
 * maps it with {@link #toClientError(String)} or lets the error mapper turn it into a generic 5xx.
 */
public abstract sealed class AwsCallFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String service;
    private final String operation;
    private final String errorCode;
    private final AwsErrorType errorType;
    private final Integer statusCode;
    private final Long retryAfterSeconds;

    AwsCallFailure(Details d) {
        super(d.service + ":" + d.operation + " failed with " + d.errorCode + ": " + d.message, null, false, false);
        this.service = d.service;
        this.operation = d.operation;
        this.errorCode = d.errorCode;
        this.errorType = d.errorType;
        this.statusCode = d.statusCode;
        this.retryAfterSeconds = d.retryAfterSeconds;
    }

    /** Everything a translated failure carries; built by {@link AwsFailures}. */
    record Details(String service, String operation, String errorCode, String message, AwsErrorType errorType,
                   Integer statusCode, Long retryAfterSeconds) {
    }

    /** The SDK service id, e.g. {@code drs}, {@code ec2}, {@code sts}. */
    public String service() {
        return service;
    }

    /** The AWS operation, e.g. {@code DescribeSourceServers}. */
    public String operation() {
        return operation;
    }

    /** The raw AWS error code, e.g. {@code ThrottlingException}, {@code InvalidInstanceID.NotFound}. */
    public String errorCode() {
        return errorCode;
    }

    /** Seed 002's error type. */
    public AwsErrorType errorType() {
        return errorType;
    }

    /** The HTTP status AWS answered with; empty when no response arrived. */
    public Optional<Integer> statusCode() {
        return Optional.ofNullable(statusCode);
    }

    /** How long AWS asked the caller to wait, when it said so. */
    public Optional<Long> retryAfterSeconds() {
        return Optional.ofNullable(retryAfterSeconds);
    }

    /** Whether the same call may succeed later without any change. */
    public abstract boolean retryable();

    /**
     * The client error a handler returns when the caller addressed one thing, e.g. {@code "Source server s-123"};
     * empty when the failure is ours or AWS's (a 5xx for the caller).
     */
    public Optional<ClientErrorException> toClientError(String subject) {
        return Optional.empty();
    }

    /** Throttled by AWS; retry after {@link #retryAfterSeconds()} or with backoff. */
    public static final class Throttled extends AwsCallFailure {
        private static final long serialVersionUID = 1L;

        Throttled(Details details) {
            super(details);
        }

        @Override
        public boolean retryable() {
            return true;
        }

        @Override
        public Optional<ClientErrorException> toClientError(String subject) {
            return Optional.of(new QuotaExceededException("AWS is throttling requests for " + subject
                    + "; retry later"));
        }
    }

    /** The identity may not make this call (AccessDenied, UnrecognizedClient, UninitializedAccount, failed AssumeRole). */
    public static final class Denied extends AwsCallFailure {
        private static final long serialVersionUID = 1L;

        Denied(Details details) {
            super(details);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** The addressed resource does not exist. */
    public static final class NotFound extends AwsCallFailure {
        private static final long serialVersionUID = 1L;

        NotFound(Details details) {
            super(details);
        }

        @Override
        public boolean retryable() {
            return false;
        }

        @Override
        public Optional<ClientErrorException> toClientError(String subject) {
            return Optional.of(new NotFoundException(subject + " not found"));
        }
    }

    /** The resource is in a state that does not allow the call (e.g. a server already in a running job). */
    public static final class Conflict extends AwsCallFailure {
        private static final long serialVersionUID = 1L;

        Conflict(Details details) {
            super(details);
        }

        @Override
        public boolean retryable() {
            return false;
        }

        @Override
        public Optional<ClientErrorException> toClientError(String subject) {
            return Optional.of(new ConflictException(subject + " conflicts with its current state in AWS"));
        }
    }

    /** A service quota or limit was reached; waiting does not help until capacity frees up. */
    public static final class QuotaExceeded extends AwsCallFailure {
        private static final long serialVersionUID = 1L;

        QuotaExceeded(Details details) {
            super(details);
        }

        @Override
        public boolean retryable() {
            return false;
        }

        @Override
        public Optional<ClientErrorException> toClientError(String subject) {
            return Optional.of(new QuotaExceededException("AWS service quota exceeded for " + subject));
        }
    }

    /** AWS rejected the request as invalid (validation, bad parameter); our bug or bad input passed through. */
    public static final class Rejected extends AwsCallFailure {
        private static final long serialVersionUID = 1L;

        Rejected(Details details) {
            super(details);
        }

        @Override
        public boolean retryable() {
            return false;
        }
    }

    /** AWS failed (5xx); a retry may succeed. */
    public static final class ServerError extends AwsCallFailure {
        private static final long serialVersionUID = 1L;

        ServerError(Details details) {
            super(details);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }

    /** No usable response arrived (connection refused or dropped, timeout, unreadable reply). */
    public static final class Transport extends AwsCallFailure {
        private static final long serialVersionUID = 1L;

        Transport(Details details) {
            super(details);
        }

        @Override
        public boolean retryable() {
            return true;
        }
    }
}
