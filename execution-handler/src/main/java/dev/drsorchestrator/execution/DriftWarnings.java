package dev.drsorchestrator.execution;

import dev.drsorchestrator.shared.launch.LaunchConfigDrift;
import dev.drsorchestrator.shared.model.EffectiveLaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.store.AppliedLaunchConfigStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code warnings} of a start response: launch-config drift of the plan's groups, never a refusal. Drift is read
 * from the hashes {@code apply_launch_configs} recorded (the one record get_launch_config_status reports too).
 */
final class DriftWarnings {
    private final AppliedLaunchConfigStore applied;

    DriftWarnings(AppliedLaunchConfigStore applied) {
        this.applied = applied;
    }

    /**
     * Launch-config drift of every group in the plan, one warning per group: the start goes ahead (DRS launches with
     * what it holds), but the operator learns before the instances come up with older settings. A server the group
     * configures nothing for has nothing to apply and is never reported.
     */
    List<String> of(List<PlanWaves.Resolved> waves) {
        Map<String, ProtectionGroup> groups = new LinkedHashMap<>();
        Map<String, Set<String>> servers = new LinkedHashMap<>();
        for (PlanWaves.Resolved wave : waves) {
            for (PlanWaves.GroupServers entry : wave.groups()) {
                groups.putIfAbsent(entry.group().groupId(), entry.group());
                servers.computeIfAbsent(entry.group().groupId(), k -> new LinkedHashSet<>())
                        .addAll(entry.serverIds());
            }
        }
        List<String> warnings = new ArrayList<>();
        servers.forEach((groupId, ids) -> {
            ProtectionGroup group = groups.get(groupId);
            List<String> changed = new ArrayList<>();
            List<String> neverApplied = new ArrayList<>();
            applied.drift(group, ids).values().forEach(server -> {
                if (server.state() == LaunchConfigDrift.State.DRIFTED) {
                    changed.add(server.sourceServerId());
                } else if (server.state() == LaunchConfigDrift.State.NEVER_APPLIED
                        && !EffectiveLaunchConfig.of(group, server.sourceServerId()).isEmpty()) {
                    neverApplied.add(server.sourceServerId());
                }
            });
            if (!changed.isEmpty() || !neverApplied.isEmpty()) {
                warnings.add(describe(group, changed, neverApplied));
            }
        });
        return warnings;
    }

    /** One operator-facing sentence naming the group, the servers and how to fix it. */
    static String describe(ProtectionGroup group, List<String> changed, List<String> neverApplied) {
        StringBuilder text = new StringBuilder("Protection group '").append(group.groupName()).append("': ");
        if (!changed.isEmpty()) {
            text.append("launch configuration changed since it was last applied for ")
                    .append(String.join(", ", changed));
        }
        if (!neverApplied.isEmpty()) {
            text.append(changed.isEmpty() ? "" : "; ").append("launch configuration never applied for ")
                    .append(String.join(", ", neverApplied));
        }
        return text.append(". DRS launches them with the settings it holds; apply the group's configuration with POST "
                + "/protection-groups/").append(group.groupId()).append("/apply-launch-configs").toString();
    }
}
