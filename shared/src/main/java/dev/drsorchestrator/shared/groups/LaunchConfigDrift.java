package dev.drsorchestrator.shared.groups;

import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.launch.LaunchConfigHash;
import dev.drsorchestrator.shared.launch.LaunchConfigMerge;
import dev.drsorchestrator.shared.model.LaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.ServerLaunchConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the launch configuration DRS will use for a group's servers is the one the group says now. When
 * {@code apply_launch_configs} pushes a server's effective configuration (group defaults overlaid by the server's
 * override) it stores it on the override as {@code effectiveConfig}; a server whose stored configuration hashes
 * differently from today's effective one has drifted: the group changed after the last apply, so a recovery started
 * now launches with the older settings. Starting an execution reports drift as a warning, never a refusal.
 *
 * <pre>{@code
 * LaunchConfigDrift.Report report = LaunchConfigDrift.of(group, waveServerIds);
 * if (!report.isClean()) { warnings.add(report.describe(group)); }
 * }</pre>
 */
public final class LaunchConfigDrift {

    private LaunchConfigDrift() {
    }

    /**
     * What drifted among some servers of a group.
     *
     * @param changed      servers whose applied configuration differs from the group's current one
     * @param neverApplied servers the group configures but for which no applied configuration is stored
     */
    public record Report(List<String> changed, List<String> neverApplied) {
        /** Copies the lists. */
        public Report {
            changed = List.copyOf(changed);
            neverApplied = List.copyOf(neverApplied);
        }

        /** Whether nothing drifted. */
        public boolean isClean() {
            return changed.isEmpty() && neverApplied.isEmpty();
        }

        /** One operator-facing sentence naming the group, the servers and how to fix it. */
        public String describe(ProtectionGroup group) {
            StringBuilder text = new StringBuilder("Protection group '").append(group.groupName()).append("': ");
            if (!changed.isEmpty()) {
                text.append("launch configuration changed since it was last applied for ")
                        .append(String.join(", ", changed));
            }
            if (!neverApplied.isEmpty()) {
                text.append(changed.isEmpty() ? "" : "; ").append("launch configuration never applied for ")
                        .append(String.join(", ", neverApplied));
            }
            return text.append(". DRS launches them with the settings it holds; apply the group's configuration "
                    + "with POST /protection-groups/").append(group.groupId()).append("/apply-launch-configs")
                    .toString();
        }
    }

    /** Compares, for each of {@code serverIds} in the group, the stored applied configuration with the current one. */
    public static Report of(ProtectionGroup group, Collection<String> serverIds) {
        Map<String, ServerLaunchConfig> overrides = new LinkedHashMap<>();
        if (group.servers() != null) {
            group.servers().forEach(s -> overrides.put(s.sourceServerId(), s));
        }
        boolean groupConfigures = !fields(group.launchConfig()).isEmpty();
        List<String> changed = new ArrayList<>();
        List<String> neverApplied = new ArrayList<>();
        for (String serverId : serverIds) {
            ServerLaunchConfig override = overrides.get(serverId);
            Map<String, Object> expected = effective(group.launchConfig(), override);
            if (override == null || override.effectiveConfig() == null) {
                if (groupConfigures || !expected.isEmpty()) {
                    neverApplied.add(serverId);
                }
                continue;
            }
            String now = LaunchConfigHash.sha256Hex(expected);
            String applied = LaunchConfigHash.sha256Hex(effective(override.effectiveConfig(), null));
            if (!MessageDigest.isEqual(now.getBytes(StandardCharsets.UTF_8),
                    applied.getBytes(StandardCharsets.UTF_8))) {
                changed.add(serverId);
            }
        }
        return new Report(changed, neverApplied);
    }

    /**
     * The configuration a server should have: the group defaults overlaid by the server's override fields, unless
     * the override uses the group defaults. The same rule {@code apply_launch_configs} applies and stores.
     */
    public static Map<String, Object> effective(LaunchConfig defaults, ServerLaunchConfig override) {
        Map<String, Object> base = fields(defaults);
        if (override == null || Boolean.TRUE.equals(override.useGroupDefaults()) || override.launchTemplate() == null) {
            return LaunchConfigMerge.merge(base, Map.of());
        }
        return LaunchConfigMerge.merge(base, fields(override.launchTemplate()));
    }

    private static Map<String, Object> fields(LaunchConfig config) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (config != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> all = Json.mapper().convertValue(config, Map.class);
            all.forEach((k, v) -> {
                if (v != null) {
                    out.put(k, v);
                }
            });
        }
        return out;
    }
}
