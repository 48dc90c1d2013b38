package dev.drsorchestrator.shared.error;

/**
 * The root of every error that is the caller's fault (4xx). Its message is safe to return to the caller: it names
 * the field and the rule, never internal detail. Anything that is not a {@code ClientErrorException} is treated as a
 * server failure and its message is never echoed.
 */
public abstract sealed class ClientErrorException extends RuntimeException
        permits ValidationException, UnauthorizedException, ForbiddenException, NotFoundException, ConflictException,
        QuotaExceededException {
    private static final long serialVersionUID = 1L;

    protected ClientErrorException(String message) {
        super(message, null, false, false);
    }

    /** The HTTP status code of this error. */
    public abstract int statusCode();

    /** A stable machine-readable error code, e.g. {@code VALIDATION_ERROR}. */
    public abstract String errorCode();
}
