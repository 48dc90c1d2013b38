package dev.drsorchestrator.tests.gateway;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.local.sim.FaultRule;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.SourceServerQuery;
import dev.drsorchestrator.tests.support.TestStack;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GatewayRetryIT {
    private static final String HUB = "111111111111";

    @Test
    void throttledCall_shouldBeAttemptedAwsMaxAttemptsTimes_whenRetriesAreEnabled() {
        // GIVEN a stack whose SDK clients may try three times, and DRS that always throttles the hub
        try (TestStack stack = TestStack.start(Scenarios.demo(), Map.of("AWS_MAX_ATTEMPTS", "3"))) {
            stack.sim().faults().inject(FaultRule.error("drs", "DescribeSourceServers", "ThrottlingException")
                    .forAccount(HUB));

            // WHEN the gateway calls DRS THEN it fails as throttled after exactly three attempts
            assertThatThrownBy(() -> stack.gateways().drs(AccountContext.hub(), "us-east-1")
                    .describeSourceServers(SourceServerQuery.all()))
                    .isInstanceOf(AwsCallFailure.Throttled.class);
            assertThat(stack.sim().counters().calls(HUB, "us-east-1", "drs", "DescribeSourceServers")).isEqualTo(3);
        }
    }

    @Test
    void throttledCall_shouldBeAttemptedOnce_whenRetriesAreOff() {
        // GIVEN the default test stack (AWS_MAX_ATTEMPTS=1) and DRS that always throttles the hub
        try (TestStack stack = TestStack.start(Scenarios.demo())) {
            stack.sim().faults().inject(FaultRule.error("drs", "DescribeSourceServers", "ThrottlingException")
                    .forAccount(HUB));

            // WHEN the gateway calls DRS THEN the failure surfaces after one attempt
            assertThatThrownBy(() -> stack.gateways().drs(AccountContext.hub(), "us-east-1")
                    .describeSourceServers(SourceServerQuery.all()))
                    .isInstanceOf(AwsCallFailure.Throttled.class);
            assertThat(stack.sim().counters().calls(HUB, "us-east-1", "drs", "DescribeSourceServers")).isEqualTo(1);
        }
    }
}
