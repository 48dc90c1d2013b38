package dev.drsorchestrator.shared.execution;

import dev.drsorchestrator.shared.rules.Violation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of one drill or recovery execution, with the one transition table every handler enforces so that a
 * late or duplicated Step Functions task can never move an execution backwards or out of a final state.
 *
 * <p>On the wire and in the execution-history table the status is the upper-case constant name ({@code "RUNNING"}),
 * as the original backend stores it; its frontend lower-cases for display. {@link #fromWire(String)} also accepts the
 * original's legacy active statuses ({@code IN_PROGRESS}, {@code POLLING}, ...) as {@link #RUNNING}.
 *
 * <table>
 *   <caption>Transitions (writing the current status again is always allowed, so a re-delivered task is a no-op)</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>PENDING</td><td>RUNNING, PAUSED, CANCELLING, CANCELLED, FAILED</td></tr>
 *   <tr><td>RUNNING</td><td>PAUSED, CANCELLING, COMPLETED, PARTIAL, FAILED, TIMEOUT</td></tr>
 *   <tr><td>PAUSED</td><td>RUNNING, CANCELLING, CANCELLED, FAILED, TIMEOUT</td></tr>
 *   <tr><td>CANCELLING</td><td>CANCELLED, PARTIAL, FAILED, TIMEOUT</td></tr>
 *   <tr><td>CANCELLED, COMPLETED, PARTIAL, FAILED, TIMEOUT</td><td>none (terminal)</td></tr>
 * </table>
 */
public enum ExecutionStatus {
    /** Accepted, state machine not yet running its first wave. */
    PENDING,
    /** A wave is being started or polled. */
    RUNNING,
    /** Waiting for an operator to resume before the next wave ({@code pauseBeforeWave}). */
    PAUSED,
    /** Cancel requested; DRS jobs already started may still be running, so server claims are still held. */
    CANCELLING,
    /** Cancelled before every wave finished. */
    CANCELLED,
    /** Every wave completed with every server launched. */
    COMPLETED,
    /** Finished, but some servers or waves failed (or a cancel stopped it after some waves succeeded). */
    PARTIAL,
    /** Finished with no successful recovery, or the state machine failed. */
    FAILED,
    /** The state machine or a wave ran out of time. */
    TIMEOUT;

    private static final Map<String, ExecutionStatus> LEGACY_ALIASES = Map.of(
            "IN_PROGRESS", RUNNING,
            "STARTED", RUNNING,
            "POLLING", RUNNING,
            "LAUNCHING", RUNNING,
            "INITIATED", RUNNING,
            "RESUMING", RUNNING,
            "CANCELED", CANCELLED,
            "TIMED_OUT", TIMEOUT);

    /** The name stored in DynamoDB and returned by the API. */
    public String wireName() {
        return name();
    }

    /** Terminal statuses never change again; the execution's claims are released. */
    public boolean isTerminal() {
        return switch (this) {
            case CANCELLED, COMPLETED, PARTIAL, FAILED, TIMEOUT -> true;
            case PENDING, RUNNING, PAUSED, CANCELLING -> false;
        };
    }

    /**
     * Active statuses hold the execution's server and plan claims: a second execution touching the same servers
     * must be refused while any of them is current.
     */
    public boolean isActive() {
        return !isTerminal();
    }

    /** The statuses this one may move to, excluding itself. */
    public Set<ExecutionStatus> allowedTargets() {
        EnumSet<ExecutionStatus> targets = switch (this) {
            case PENDING -> EnumSet.of(RUNNING, PAUSED, CANCELLING, CANCELLED, FAILED);
            case RUNNING -> EnumSet.of(PAUSED, CANCELLING, COMPLETED, PARTIAL, FAILED, TIMEOUT);
            case PAUSED -> EnumSet.of(RUNNING, CANCELLING, CANCELLED, FAILED, TIMEOUT);
            case CANCELLING -> EnumSet.of(CANCELLED, PARTIAL, FAILED, TIMEOUT);
            case CANCELLED, COMPLETED, PARTIAL, FAILED, TIMEOUT -> EnumSet.noneOf(ExecutionStatus.class);
        };
        return Collections.unmodifiableSet(targets);
    }

    /** Whether writing {@code target} over this status is allowed; writing the same status again always is. */
    public boolean canTransitionTo(ExecutionStatus target) {
        if (target == null) {
            throw new IllegalArgumentException("target status is required");
        }
        return target == this || allowedTargets().contains(target);
    }

    /** Checks a transition and returns the decision with a violation naming the {@code status} field if refused. */
    public TransitionResult<ExecutionStatus> requireTransition(ExecutionStatus target) {
        if (canTransitionTo(target)) {
            return new TransitionResult.Allowed<>(this, target);
        }
        String message = isTerminal()
                ? "execution status " + this + " is final and cannot change to " + target
                : "execution status cannot change from " + this + " to " + target;
        return new TransitionResult.Rejected<>(this, target, new Violation("status", "transition", message));
    }

    /**
     * Reads a stored or received status, case-insensitively, accepting the original's legacy active names.
     *
     * @return the status, or empty when the text is null, blank or unknown
     */
    public static Optional<ExecutionStatus> fromWire(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (ExecutionStatus status : values()) {
            if (status.name().equals(key)) {
                return Optional.of(status);
            }
        }
        return Optional.ofNullable(LEGACY_ALIASES.get(key));
    }
}
