package dev.drsorchestrator.shared.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchConfigMergeTest {

    @Test
    void merge_shouldLetOverrideWin_whenBothSetAField() {
        // GIVEN group defaults and a server override of one field
        Map<String, Object> defaults = Map.of("instanceType", "t3.large", "subnetId", "subnet-a");
        Map<String, Object> overrides = Map.of("instanceType", "m5.xlarge");

        // WHEN merged THEN the override wins and the other default stays
        assertThat(LaunchConfigMerge.merge(defaults, overrides))
                .containsExactly(Map.entry("instanceType", "m5.xlarge"), Map.entry("subnetId", "subnet-a"));
    }

    @Test
    void merge_shouldClearField_whenOverrideIsExplicitNull() {
        // GIVEN an override that sets a field to null
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("staticPrivateIp", null);

        // WHEN merged THEN the group's value is removed
        assertThat(LaunchConfigMerge.merge(Map.of("staticPrivateIp", "10.0.1.9", "copyTags", true), overrides))
                .containsExactly(Map.entry("copyTags", true));
    }

    @Test
    void merge_shouldReplaceNestedObjectWhole_whenOverridden() {
        // GIVEN a nested default and an override of the same field
        Map<String, Object> defaults = Map.of("licensing", Map.of("osByol", true, "note", "x"));

        // WHEN merged THEN the nested object is replaced, not merged
        assertThat(LaunchConfigMerge.merge(defaults, Map.of("licensing", Map.of("osByol", false))))
                .containsExactly(Map.entry("licensing", Map.of("osByol", false)));
    }

    @Test
    void merge_shouldDropNullDefaultsAndAcceptMissingMaps_whenPartial() {
        // GIVEN null defaults or no maps at all WHEN merged THEN only real values remain
        Map<String, Object> defaults = new HashMap<>();
        defaults.put("subnetId", null);
        defaults.put("copyTags", false);

        assertThat(LaunchConfigMerge.merge(defaults, null)).containsExactly(Map.entry("copyTags", false));
        assertThat(LaunchConfigMerge.merge(null, Map.of("copyTags", true))).containsExactly(Map.entry("copyTags", true));
        assertThat(LaunchConfigMerge.merge(null, null)).isEmpty();
    }

    @Test
    void merge_shouldReturnUnmodifiableResult_whenDone() {
        // GIVEN a merged configuration WHEN a caller tries to change it THEN refused
        Map<String, Object> effective = LaunchConfigMerge.merge(Map.of("a", 1), Map.of());
        assertThatThrownBy(() -> effective.put("b", 2)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void merge_shouldHashEqually_whenSameEffectiveConfigReachedDifferently() {
        // GIVEN an effective config built by merge and one written directly WHEN hashed THEN equal
        Map<String, Object> merged = LaunchConfigMerge.merge(Map.of("instanceType", "t3.large", "copyTags", true),
                Map.of("instanceType", "c5.large"));
        assertThat(LaunchConfigHash.sha256Hex(merged))
                .isEqualTo(LaunchConfigHash.sha256Hex(Map.of("copyTags", true, "instanceType", "c5.large")));
    }
}
