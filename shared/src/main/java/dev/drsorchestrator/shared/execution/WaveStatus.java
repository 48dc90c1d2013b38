package dev.drsorchestrator.shared.execution;

import dev.drsorchestrator.shared.rules.Violation;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle of one wave inside an execution, with its own transition table so that a duplicated poll or update
 * can never reopen a finished wave.
 *
 * <p>Wire names are the upper-case constant names. {@link #normalize(String)} maps every spelling that reaches us —
 * DRS job statuses ({@code PENDING}, {@code STARTED}, {@code COMPLETED}), the original's upper-case wave statuses
 * ({@code INITIATED}, {@code LAUNCHING}, {@code POLLING}, ...) and the legacy lower-case values of its
 * {@code normalize_wave_status} ({@code "in_progress"}, {@code "completed"}) — onto this one vocabulary.
 *
 * <table>
 *   <caption>Transitions (writing the current status again is always allowed)</caption>
 *   <tr><th>from</th><th>to</th></tr>
 *   <tr><td>PENDING</td><td>INITIATED, IN_PROGRESS, FAILED, CANCELLED, SKIPPED</td></tr>
 *   <tr><td>INITIATED</td><td>IN_PROGRESS, COMPLETED, PARTIAL, FAILED, CANCELLED, TIMEOUT</td></tr>
 *   <tr><td>IN_PROGRESS</td><td>COMPLETED, PARTIAL, FAILED, CANCELLED, TIMEOUT</td></tr>
 *   <tr><td>COMPLETED, PARTIAL, FAILED, CANCELLED, TIMEOUT, SKIPPED</td><td>none (terminal)</td></tr>
 * </table>
 */
public enum WaveStatus {
    /** Not started yet (earlier waves still running, or waiting for an operator to resume). */
    PENDING,
    /** DRS accepted the StartRecovery request(s); the job(s) have not started launching yet. */
    INITIATED,
    /** DRS is launching recovery instances; the state machine is polling. */
    IN_PROGRESS,
    /** Every server of the wave launched. */
    COMPLETED,
    /** Some servers launched and some failed. */
    PARTIAL,
    /** No server launched (or DRS refused to start the wave). */
    FAILED,
    /** The execution was cancelled while this wave was pending or running. */
    CANCELLED,
    /** The wave did not finish within its time budget. */
    TIMEOUT,
    /** Never started because the execution ended before reaching it. */
    SKIPPED;

    private static final Map<String, WaveStatus> ALIASES = Map.ofEntries(
            Map.entry("STARTING", INITIATED),
            Map.entry("STARTED", IN_PROGRESS),
            Map.entry("LAUNCHING", IN_PROGRESS),
            Map.entry("RUNNING", IN_PROGRESS),
            Map.entry("POLLING", IN_PROGRESS),
            Map.entry("CANCELED", CANCELLED),
            Map.entry("TIMED_OUT", TIMEOUT),
            Map.entry("PARTIAL_FAILURE", PARTIAL));

    /** The name stored in DynamoDB and returned by the API. */
    public String wireName() {
        return name();
    }

    /** Terminal wave statuses never change again. */
    public boolean isTerminal() {
        return switch (this) {
            case COMPLETED, PARTIAL, FAILED, CANCELLED, TIMEOUT, SKIPPED -> true;
            case PENDING, INITIATED, IN_PROGRESS -> false;
        };
    }

    /** A wave that has DRS jobs in flight: its recovery instances may still be appearing. */
    public boolean isRunning() {
        return this == INITIATED || this == IN_PROGRESS;
    }

    /** The statuses this one may move to, excluding itself. */
    public Set<WaveStatus> allowedTargets() {
        EnumSet<WaveStatus> targets = switch (this) {
            case PENDING -> EnumSet.of(INITIATED, IN_PROGRESS, FAILED, CANCELLED, SKIPPED);
            case INITIATED -> EnumSet.of(IN_PROGRESS, COMPLETED, PARTIAL, FAILED, CANCELLED, TIMEOUT);
            case IN_PROGRESS -> EnumSet.of(COMPLETED, PARTIAL, FAILED, CANCELLED, TIMEOUT);
            case COMPLETED, PARTIAL, FAILED, CANCELLED, TIMEOUT, SKIPPED -> EnumSet.noneOf(WaveStatus.class);
        };
        return Collections.unmodifiableSet(targets);
    }

    /** Whether writing {@code target} over this status is allowed; writing the same status again always is. */
    public boolean canTransitionTo(WaveStatus target) {
        if (target == null) {
            throw new IllegalArgumentException("target status is required");
        }
        return target == this || allowedTargets().contains(target);
    }

    /** Checks a transition and returns the decision with a violation naming the {@code status} field if refused. */
    public TransitionResult<WaveStatus> requireTransition(WaveStatus target) {
        if (canTransitionTo(target)) {
            return new TransitionResult.Allowed<>(this, target);
        }
        String message = isTerminal()
                ? "wave status " + this + " is final and cannot change to " + target
                : "wave status cannot change from " + this + " to " + target;
        return new TransitionResult.Rejected<>(this, target, new Violation("status", "transition", message));
    }

    /**
     * Maps any received spelling of a wave or DRS job status onto this vocabulary, ignoring case, surrounding blanks
     * and the space/underscore difference ({@code "in progress"} equals {@code IN_PROGRESS}).
     *
     * @return the status, or empty when the text is null, blank or unknown (the original's {@code "unknown"})
     */
    public static Optional<WaveStatus> normalize(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String key = text.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (WaveStatus status : values()) {
            if (status.name().equals(key)) {
                return Optional.of(status);
            }
        }
        return Optional.ofNullable(ALIASES.get(key));
    }
}
