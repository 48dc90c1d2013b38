package dev.drsorchestrator.shared.launch;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Computes the launch configuration a server actually gets: the protection group's defaults with the server's own
 * overrides on top. The merge is per top-level field — an override replaces the whole field (a nested object such as
 * {@code licensing} is replaced, not merged) — and an override that is explicitly null removes the group's value, so a
 * server can opt out of, say, the group's {@code staticPrivateIp}. A field the override does not mention keeps the
 * group's value; null group values are dropped.
 *
 * <p>Example: defaults {@code {instanceType: t3.large, subnetId: subnet-a}} with overrides
 * {@code {instanceType: m5.xlarge, subnetId: null}} give {@code {instanceType: m5.xlarge}}.
 */
public final class LaunchConfigMerge {

    private LaunchConfigMerge() {
    }

    /**
     * Merges defaults and overrides.
     *
     * @param groupDefaults   the protection group's {@code launchConfig}; null means none
     * @param serverOverrides the server's {@code launchTemplate}; null means none
     * @return the effective configuration, unmodifiable, keys sorted
     */
    public static Map<String, Object> merge(Map<String, ?> groupDefaults, Map<String, ?> serverOverrides) {
        TreeMap<String, Object> effective = new TreeMap<>();
        if (groupDefaults != null) {
            groupDefaults.forEach((key, value) -> {
                if (value != null) {
                    effective.put(requireKey(key), value);
                }
            });
        }
        if (serverOverrides != null) {
            serverOverrides.forEach((key, value) -> {
                if (value == null) {
                    effective.remove(requireKey(key));
                } else {
                    effective.put(requireKey(key), value);
                }
            });
        }
        return Collections.unmodifiableMap(effective);
    }

    private static String requireKey(String key) {
        if (key == null) {
            throw new IllegalArgumentException("launch configuration field names must not be null");
        }
        return key;
    }
}
