package dev.drsorchestrator.local.stepfunctions;

/**
 * An ASL error raised while running a state: {@code error} is the name Retry and Catch match
 * ({@code States.Timeout}, {@code Lambda.ServiceException}, a handler's own error type), {@code errorCause} the detail.
 */
final class StatesException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Matched by nothing but itself: a failure of the definition or its data, never retried or caught by States.ALL. */
    static final String RUNTIME = "States.Runtime";
    /** A task ran longer than TimeoutSeconds, or the execution longer than its TimeoutSeconds. */
    static final String TIMEOUT = "States.Timeout";
    /** A task token received no heartbeat within HeartbeatSeconds. */
    static final String HEARTBEAT_TIMEOUT = "States.HeartbeatTimeout";

    private final String error;
    private final String errorCause;

    /** Creates an error with its ASL name and cause. */
    StatesException(String error, String errorCause) {
        super(error + ": " + errorCause);
        this.error = error;
        this.errorCause = errorCause;
    }

    static StatesException runtime(String cause) {
        return new StatesException(RUNTIME, cause);
    }

    /** The ASL error name. */
    String error() {
        return error;
    }

    /** The human-readable cause. */
    String errorCause() {
        return errorCause;
    }
}
