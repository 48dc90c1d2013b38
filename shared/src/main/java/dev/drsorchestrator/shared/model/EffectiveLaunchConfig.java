package dev.drsorchestrator.shared.model;

import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.launch.LaunchConfigHash;
import dev.drsorchestrator.shared.launch.LaunchConfigMerge;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration one server of a protection group gets, as a map ready for {@link LaunchConfigHash}: the group's
 * defaults, overlaid by the server's override fields unless the server uses the group defaults. One definition shared
 * by apply_launch_configs (which stores the hash), get_launch_config_status and start_execution (which compare it),
 * so that the three can never disagree about what "the current configuration" is.
 */
public final class EffectiveLaunchConfig {

    private EffectiveLaunchConfig() {
    }

    /** The effective configuration of {@code serverId} in {@code group} (group defaults when it has no override). */
    public static Map<String, Object> of(ProtectionGroup group, String serverId) {
        ServerLaunchConfig override = null;
        if (group.servers() != null) {
            override = group.servers().stream().filter(s -> serverId.equals(s.sourceServerId())).findFirst()
                    .orElse(null);
        }
        return of(group.launchConfig(), override);
    }

    /** Group defaults overlaid by the override's set fields; the override counts only when it does not defer. */
    public static Map<String, Object> of(LaunchConfig defaults, ServerLaunchConfig override) {
        if (override == null || Boolean.TRUE.equals(override.useGroupDefaults()) || override.launchTemplate() == null) {
            return LaunchConfigMerge.merge(setFields(defaults), Map.of());
        }
        return LaunchConfigMerge.merge(setFields(defaults), setFields(override.launchTemplate()));
    }

    /** The hash of {@link #of(ProtectionGroup, String)}. */
    public static String hash(ProtectionGroup group, String serverId) {
        return LaunchConfigHash.sha256Hex(of(group, serverId));
    }

    private static Map<String, Object> setFields(LaunchConfig config) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (config != null) {
            @SuppressWarnings("unchecked")
            Map<String, Object> all = Json.mapper().convertValue(config, Map.class);
            all.forEach((field, value) -> {
                if (value != null) {
                    out.put(field, value);
                }
            });
        }
        return out;
    }
}
