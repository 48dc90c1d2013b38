package dev.drsorchestrator.shared.notification;

/**
 * The execution moments an operator is told about. Each names the SNS subject prefix and whether it reports a
 * wave (so the message names it) or the whole execution.
 */
public enum ExecutionEvent {
    /** The state machine began the first wave. */
    EXECUTION_STARTED("started", false),
    /** The execution is waiting for an operator to resume it. */
    EXECUTION_PAUSED("paused", false),
    /** Every wave finished with every server launched. */
    EXECUTION_COMPLETED("completed", false),
    /** Some servers or waves failed. */
    EXECUTION_PARTIAL("finished with failures", false),
    /** The execution failed. */
    EXECUTION_FAILED("failed", false),
    /** The execution was cancelled. */
    EXECUTION_CANCELLED("cancelled", false),
    /** A wave ran out of time. */
    EXECUTION_TIMEOUT("timed out", false),
    /** One wave launched every server. */
    WAVE_COMPLETED("wave completed", true),
    /** One wave ended with failed servers. */
    WAVE_FAILED("wave failed", true);

    private final String verb;
    private final boolean aboutWave;

    ExecutionEvent(String verb, boolean aboutWave) {
        this.verb = verb;
        this.aboutWave = aboutWave;
    }

    /** What happened, in words, e.g. {@code "paused"}. */
    public String verb() {
        return verb;
    }

    /** Whether the event concerns one wave. */
    public boolean aboutWave() {
        return aboutWave;
    }
}
