package dev.drsorchestrator.shared.logging;

import org.slf4j.MDC;

/**
 * The MDC keys every log line of an invocation carries, so a request can be followed through the logs (and the JSON
 * lines in CloudWatch filtered by request id or operation).
 */
public final class LogContext {
    /** MDC key of the Lambda request id. */
    public static final String REQUEST_ID = "requestId";
    /** MDC key of the operation's wire name. */
    public static final String OPERATION = "operation";

    private LogContext() {
    }

    /** Starts an invocation's context. */
    public static void begin(String requestId) {
        MDC.clear();
        MDC.put(REQUEST_ID, requestId);
    }

    /** Records the resolved operation. */
    public static void operation(String name) {
        MDC.put(OPERATION, name);
    }

    /** Ends the invocation's context (Lambda reuses threads). */
    public static void end() {
        MDC.clear();
    }
}
