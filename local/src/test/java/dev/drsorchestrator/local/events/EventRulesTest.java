package dev.drsorchestrator.local.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EventRulesTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final EventRules rules = new EventRules(now::get);

    @Test
    void takeDue_shouldHandOutEachFiringOnce_andCoalesceMissedOnes() {
        // GIVEN an enabled 5-minute rule
        EventRule rule = rules.put("us-east-1", "111111111111", "sync", "rate(5 minutes)", null, true, null);
        assertThat(rule.arn()).isEqualTo("arn:aws:events:us-east-1:111111111111:rule/sync");

        // WHEN time jumps 17 minutes and due rules are taken twice
        advance(Duration.ofMinutes(17));
        List<EventRule> first = rules.takeDue();
        List<EventRule> second = rules.takeDue();

        // THEN the rule fires once, and next 5 minutes after now
        assertThat(first).extracting(EventRule::name).containsExactly("sync");
        assertThat(second).isEmpty();
        assertThat(rules.find(rule.arn()).orElseThrow().nextFire()).isEqualTo(now.get().plus(Duration.ofMinutes(5)));
    }

    @Test
    void put_shouldKeepTargetsAndScheduleOfUnchangedRule_andRestartChangedOne() {
        // GIVEN a rule with a target
        EventRule rule = rules.put("us-east-1", "111111111111", "sync", "rate(1 hour)", null, true, "d");
        rules.putTargets(rule.arn(), List.of(new RuleTarget("t", "query-handler", "{}")));
        Instant firstFire = rules.find(rule.arn()).orElseThrow().nextFire();

        // WHEN it is put again unchanged later, then with another schedule
        advance(Duration.ofMinutes(10));
        EventRule same = rules.put("us-east-1", "111111111111", "sync", "rate(1 hour)", null, true, "d2");
        EventRule changed = rules.put("us-east-1", "111111111111", "sync", "rate(2 hours)", null, true, "d2");

        // THEN targets survive; only the changed schedule restarts from now
        assertThat(same.nextFire()).isEqualTo(firstFire);
        assertThat(changed.nextFire()).isEqualTo(now.get().plus(Duration.ofHours(2)));
        assertThat(changed.targets()).extracting(RuleTarget::id).containsExactly("t");
    }

    @Test
    void disabledRule_shouldNeverBeDue() {
        EventRule rule = rules.put("us-east-1", "111111111111", "off", "rate(1 minute)", null, false, null);
        advance(Duration.ofHours(1));
        assertThat(rules.takeDue()).isEmpty();
        assertThat(rule.state()).isEqualTo("DISABLED");
    }

    @Test
    void put_shouldRefuseBadNameMissingScheduleAndTooManyTargets() {
        assertThatThrownBy(() -> rules.put("us-east-1", "1", "bad name", "rate(1 hour)", null, true, null))
                .hasMessageContaining("Name");
        assertThatThrownBy(() -> rules.put("us-east-1", "1", "x", null, null, true, null))
                .hasMessageContaining("ScheduleExpression or EventPattern");
        EventRule rule = rules.put("us-east-1", "1", "x", "rate(1 hour)", null, true, null);
        List<RuleTarget> six = java.util.stream.IntStream.range(0, 6)
                .mapToObj(i -> new RuleTarget("t" + i, "query-handler", null)).toList();
        assertThatThrownBy(() -> rules.putTargets(rule.arn(), six)).hasMessageContaining("at most 5");
    }

    private void advance(Duration amount) {
        now.set(now.get().plus(amount));
    }
}
