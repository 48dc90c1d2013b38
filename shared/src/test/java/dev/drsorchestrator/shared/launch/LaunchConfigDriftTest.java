package dev.drsorchestrator.shared.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.model.EffectiveLaunchConfig;
import dev.drsorchestrator.shared.model.LaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.ServerLaunchConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchConfigDriftTest {
    private static final String A = "s-0000000000000000a";
    private static final String B = "s-0000000000000000b";
    private static final String C = "s-0000000000000000c";

    private static LaunchConfig config(String instanceType) {
        return new LaunchConfig(null, null, null, instanceType, null, null, null, null, null, true, null, null, null);
    }

    private static ProtectionGroup group(LaunchConfig defaults, List<ServerLaunchConfig> servers) {
        return new ProtectionGroup("g-1", "group", null, "us-east-1", null, null, null, null, List.of(A, B, C),
                defaults, servers, null, null, null, null, null, null, 1L);
    }

    private static AppliedLaunchConfig applied(String server, String hash) {
        return new AppliedLaunchConfig("g-1", server, hash, "2026-01-01T00:00:00Z", "ops@example.com");
    }

    @Test
    void of_shouldReportInSyncDriftedAndNeverApplied_whenHashesMatchDifferOrAreMissing() {
        // GIVEN A applied with today's defaults, B applied with older defaults, C never applied
        ProtectionGroup now = group(config("m5.large"), List.of());
        ProtectionGroup before = group(config("t3.small"), List.of());
        Map<String, AppliedLaunchConfig> records = Map.of(
                A, applied(A, EffectiveLaunchConfig.hash(now, A)),
                B, applied(B, EffectiveLaunchConfig.hash(before, B)));
        // WHEN
        Map<String, String> current = new java.util.LinkedHashMap<>();
        List.of(A, B, C).forEach(id -> current.put(id, EffectiveLaunchConfig.hash(now, id)));
        Map<String, LaunchConfigDrift.ServerDrift> drift = LaunchConfigDrift.of(current, records);
        // THEN
        assertThat(drift.keySet()).containsExactly(A, B, C);
        assertThat(drift.get(A).state()).isEqualTo(LaunchConfigDrift.State.IN_SYNC);
        assertThat(drift.get(B).state()).isEqualTo(LaunchConfigDrift.State.DRIFTED);
        assertThat(drift.get(C).state()).isEqualTo(LaunchConfigDrift.State.NEVER_APPLIED);
        assertThat(drift.get(C).applied()).isNull();
        assertThat(drift.get(B).currentHash()).isEqualTo(EffectiveLaunchConfig.hash(now, B)).hasSize(64);
        assertThat(drift.get(B).state().wireName()).isEqualTo("drifted");
    }

    @Test
    void effective_shouldIgnoreTheOverride_whenTheServerUsesGroupDefaults() {
        // GIVEN
        ServerLaunchConfig deferring = new ServerLaunchConfig(A, null, null, null, true, config("c5.xlarge"), null);
        ServerLaunchConfig overriding = new ServerLaunchConfig(B, null, null, null, false, config("c5.xlarge"), null);
        ProtectionGroup group = group(config("m5.large"), List.of(deferring, overriding));
        // WHEN
        Map<String, Object> forA = EffectiveLaunchConfig.of(group, A);
        Map<String, Object> forB = EffectiveLaunchConfig.of(group, B);
        Map<String, Object> forC = EffectiveLaunchConfig.of(group, C);
        // THEN
        assertThat(forA).containsEntry("instanceType", "m5.large").containsEntry("copyTags", true);
        assertThat(forB).containsEntry("instanceType", "c5.xlarge").containsEntry("copyTags", true);
        assertThat(forC).isEqualTo(forA);
    }

    @Test
    void of_shouldTreatARecordWithoutHashAsNeverApplied_whenTheStoredItemIsIncomplete() {
        // GIVEN
        ProtectionGroup group = group(config("m5.large"), List.of());
        // WHEN
        Map<String, LaunchConfigDrift.ServerDrift> drift = LaunchConfigDrift.of(
                Map.of(A, EffectiveLaunchConfig.hash(group, A)), Map.of(A, applied(A, null)));
        // THEN
        assertThat(drift.get(A).state()).isEqualTo(LaunchConfigDrift.State.NEVER_APPLIED);
    }
}
