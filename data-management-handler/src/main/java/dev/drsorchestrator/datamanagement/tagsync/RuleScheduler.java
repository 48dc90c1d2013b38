package dev.drsorchestrator.datamanagement.tagsync;

import dev.drsorchestrator.shared.gateway.EventBridgeGateway;
import java.util.function.Supplier;

/**
 * The schedule of the tag-sync rule: {@code PutRule} with the rate when enabled, {@code DisableRule} when not. An
 * interface so the settings operation is tested without EventBridge; production uses {@link #eventBridge}.
 */
public interface RuleScheduler {
    /** Creates or updates the rule at {@code rate(hours hours)}, enabled. */
    void schedule(String ruleName, int intervalHours, String description);

    /** Disables the rule (it keeps its schedule). */
    void disable(String ruleName);

    /** The scheduler over the hub's EventBridge, built on first use. */
    static RuleScheduler eventBridge(Supplier<EventBridgeGateway> gateway) {
        return new RuleScheduler() {
            @Override
            public void schedule(String ruleName, int intervalHours, String description) {
                gateway.get().putRule(ruleName, rate(intervalHours), true, description);
            }

            @Override
            public void disable(String ruleName) {
                gateway.get().disableRule(ruleName);
            }
        };
    }

    /** The EventBridge rate expression of an interval. */
    static String rate(int hours) {
        return "rate(" + hours + (hours == 1 ? " hour)" : " hours)");
    }
}
