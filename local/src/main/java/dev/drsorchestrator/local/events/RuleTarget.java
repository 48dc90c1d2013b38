package dev.drsorchestrator.local.events;

import java.util.Objects;

/**
 * A rule's target: its id, the function ARN it invokes, and the constant JSON {@code Input} passed as the event
 * (null when the target takes the scheduled event itself).
 */
public record RuleTarget(String id, String arn, String input) {
    /** Requires an id and an ARN. */
    public RuleTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(arn, "arn");
    }
}
