package dev.drsorchestrator.shared.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LaunchConfigMergePropertiesTest {

    /** Maps over a few launch fields whose values are a setting or an explicit null. */
    @Provide
    Arbitrary<Map<String, String>> configs() {
        Arbitrary<String> keys = Arbitraries.of("instanceType", "subnetId", "staticPrivateIp", "bootMode", "copyTags");
        Arbitrary<String> values = Arbitraries.of("a", "b", "c").injectNull(0.3);
        return Arbitraries.maps(keys, values).ofMaxSize(5).map(HashMap::new);
    }

    @Property
    void merge_shouldMatchFieldByFieldModel_whenGivenAnyDefaultsAndOverrides(
            @ForAll("configs") Map<String, String> defaults, @ForAll("configs") Map<String, String> overrides) {
        // GIVEN any defaults and overrides WHEN merged
        Map<String, Object> effective = LaunchConfigMerge.merge(defaults, overrides);

        // THEN every field follows the rule: override wins, explicit null clears, otherwise the default stays
        for (String key : new String[] {"instanceType", "subnetId", "staticPrivateIp", "bootMode", "copyTags"}) {
            Object expected = overrides.containsKey(key) ? overrides.get(key) : defaults.get(key);
            if (expected == null) {
                assertThat(effective).doesNotContainKey(key);
            } else {
                assertThat(effective).containsEntry(key, expected);
            }
        }
        // AND merging is stable: applying the same overrides again changes nothing
        assertThat(LaunchConfigMerge.merge(effective, overrides)).isEqualTo(effective);
    }
}
