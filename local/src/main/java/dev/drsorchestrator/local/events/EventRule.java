package dev.drsorchestrator.local.events;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of one EventBridge rule on the default bus: what DescribeRule answers plus its targets and, for an
 * enabled schedule, when it fires next.
 */
public record EventRule(String name, String arn, String accountId, String scheduleExpression, String eventPattern,
                        boolean enabled, String description, List<RuleTarget> targets, Instant nextFire) {
    /** Copies the targets. */
    public EventRule {
        targets = List.copyOf(targets);
    }

    /** {@code ENABLED} or {@code DISABLED}, as the API spells it. */
    public String state() {
        return enabled ? "ENABLED" : "DISABLED";
    }
}
