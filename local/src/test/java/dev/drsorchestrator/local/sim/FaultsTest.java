package dev.drsorchestrator.local.sim;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void decide_shouldMatchOnlyTheSelectedScope_whenARuleNamesAccountAndRegion() {
        // GIVEN a rule for one account and region
        Faults faults = new Faults();
        faults.inject(FaultRule.error("drs", "StartRecovery", "ThrottlingException").forAccount("222222222222")
                .inRegion("us-east-1"));

        // WHEN / THEN only that scope and operation fails
        assertThat(faults.decide("222222222222", "us-east-1", "drs", "StartRecovery").error()).isNotNull();
        assertThat(faults.decide("222222222222", "us-west-2", "drs", "StartRecovery").error()).isNull();
        assertThat(faults.decide("111111111111", "us-east-1", "drs", "StartRecovery").error()).isNull();
        assertThat(faults.decide("222222222222", "us-east-1", "drs", "DescribeJobs").error()).isNull();
    }

    @Test
    void clear_shouldRemoveOneRule_whenGivenItsId() {
        Faults faults = new Faults();
        String id = faults.inject(FaultRule.latency("ec2", null, 10));
        faults.inject(FaultRule.latency("ec2", null, 5));

        assertThat(faults.clear(id)).isTrue();
        assertThat(faults.clear(id)).isFalse();
        assertThat(faults.decide("1", "r", "ec2", "DescribeInstances").latencyMillis()).isEqualTo(5);
    }

    @Property(tries = 50)
    void decide_shouldReplayTheSameOutcomes_whenTheSeedIsTheSame(@ForAll @LongRange(min = 1, max = 1000) long seed,
                                                                 @ForAll @DoubleRange(min = 0, max = 1) double rate) {
        // GIVEN two fault sets with the same seeded rule
        Faults first = new Faults();
        Faults second = new Faults();
        FaultRule rule = FaultRule.error("drs", null, "InternalServerException").withFailureRate(rate, seed)
                .withJitter(50, seed);
        first.inject(rule);
        second.inject(rule);

        // THEN every decision agrees, and latency stays within the jitter bound
        for (int i = 0; i < 30; i++) {
            FaultDecision a = first.decide("a", "r", "drs", "DescribeJobs");
            FaultDecision b = second.decide("a", "r", "drs", "DescribeJobs");
            assertThat(a).isEqualTo(b);
            assertThat(a.latencyMillis()).isBetween(0L, 50L);
        }
    }
}
