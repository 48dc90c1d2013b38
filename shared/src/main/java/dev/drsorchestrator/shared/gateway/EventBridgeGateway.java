package dev.drsorchestrator.shared.gateway;

import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;

/** The EventBridge schedule rules the system manages (tag sync, inventory sync). */
public final class EventBridgeGateway {
    private static final String SERVICE = "eventbridge";

    private final EventBridgeClient events;

    EventBridgeGateway(EventBridgeClient events) {
        this.events = events;
    }

    /** Creates or updates a schedule rule ({@code rate(1 hour)}, {@code cron(...)}); returns its ARN. */
    public String putRule(String name, String scheduleExpression, boolean enabled, String description) {
        return AwsFailures.call(SERVICE, "PutRule", () -> events.putRule(b -> b.name(name)
                .scheduleExpression(scheduleExpression).state(enabled ? RuleState.ENABLED : RuleState.DISABLED)
                .description(description)).ruleArn());
    }

    /** Enables a rule. */
    public void enableRule(String name) {
        AwsFailures.run(SERVICE, "EnableRule", () -> events.enableRule(b -> b.name(name)));
    }

    /** Disables a rule. */
    public void disableRule(String name) {
        AwsFailures.run(SERVICE, "DisableRule", () -> events.disableRule(b -> b.name(name)));
    }

    /** A rule's schedule and state. */
    public RuleInfo describeRule(String name) {
        DescribeRuleResponse r = AwsFailures.call(SERVICE, "DescribeRule", () -> events.describeRule(b -> b.name(name)));
        return new RuleInfo(r.name(), r.arn(), r.scheduleExpression(), r.stateAsString(), r.description());
    }

    /**
     * A schedule rule.
     *
     * @param name               the rule name
     * @param arn                its ARN
     * @param scheduleExpression {@code rate(...)} or {@code cron(...)}
     * @param state              ENABLED or DISABLED
     * @param description        its description
     */
    public record RuleInfo(String name, String arn, String scheduleExpression, String state, String description) {
    }
}
