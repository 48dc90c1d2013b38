package dev.drsorchestrator.shared.groups;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.model.LaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.ServerLaunchConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchConfigDriftTest {

    private static LaunchConfig config(String instanceType, List<String> securityGroups) {
        return new LaunchConfig("subnet-1", securityGroups, null, instanceType, null, null, null, null, null, null,
                null, null, null);
    }

    private static ProtectionGroup group(LaunchConfig defaults, List<ServerLaunchConfig> servers) {
        return new ProtectionGroup("g-1", "web", null, "us-west-2", null, null, null, Map.of(),
                List.of("s-a", "s-b", "s-c"), defaults, servers, null, null, null, null, null, null, 1L);
    }

    private static ServerLaunchConfig applied(String server, LaunchConfig effective) {
        return new ServerLaunchConfig(server, null, null, Map.of(), true, null, effective);
    }

    @Test
    void of_shouldBeClean_whenEveryServerHoldsTheAppliedCurrentConfiguration() {
        // GIVEN a group whose current defaults were applied to both servers (security groups in another order)
        LaunchConfig now = config("t3.large", List.of("sg-1", "sg-2"));
        ProtectionGroup group = group(now, List.of(applied("s-a", config("t3.large", List.of("sg-2", "sg-1"))),
                applied("s-b", now)));

        // WHEN drift is checked THEN nothing is reported
        assertThat(LaunchConfigDrift.of(group, List.of("s-a", "s-b")).isClean()).isTrue();
    }

    @Test
    void of_shouldNameChangedAndNeverAppliedServers_whenTheGroupChangedAfterTheLastApply() {
        // GIVEN a group now at m5.xlarge, s-a applied at t3.large, s-b applied now, s-c never applied
        LaunchConfig now = config("m5.xlarge", List.of("sg-1"));
        ProtectionGroup group = group(now, List.of(applied("s-a", config("t3.large", List.of("sg-1"))),
                applied("s-b", now)));

        // WHEN drift is checked for the three servers
        LaunchConfigDrift.Report report = LaunchConfigDrift.of(group, List.of("s-a", "s-b", "s-c"));

        // THEN s-a changed, s-c was never applied, and the warning says how to fix it
        assertThat(report.changed()).containsExactly("s-a");
        assertThat(report.neverApplied()).containsExactly("s-c");
        assertThat(report.describe(group)).contains("'web'", "changed since it was last applied for s-a",
                "never applied for s-c", "POST /protection-groups/g-1/apply-launch-configs");
    }

    @Test
    void of_shouldBeClean_whenTheGroupConfiguresNothing() {
        // GIVEN a group with no launch settings and no overrides WHEN checked THEN there is nothing to drift from
        assertThat(LaunchConfigDrift.of(group(null, List.of()), List.of("s-a")).isClean()).isTrue();
    }
}
