package dev.drsorchestrator.shared.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchConfigHashTest {

    @Test
    void sha256Hex_shouldNotDependOnKeyOrder_whenSameConfig() {
        // GIVEN the same configuration inserted in two orders
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("instanceType", "t3.large");
        first.put("copyTags", true);
        first.put("licensing", Map.of("osByol", false));
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("licensing", Map.of("osByol", false));
        second.put("copyTags", true);
        second.put("instanceType", "t3.large");

        // WHEN / THEN the fingerprints match
        assertThat(LaunchConfigHash.sha256Hex(first)).isEqualTo(LaunchConfigHash.sha256Hex(second));
    }

    @Test
    void sha256Hex_shouldIgnoreNullMembersAndNumberSpelling_whenComparing() {
        // GIVEN configurations that differ only in null members and numeric types
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("instanceType", "m5.xlarge");
        withNull.put("staticPrivateIp", null);
        withNull.put("volumeSize", 100);
        Map<String, Object> plain = Map.of("instanceType", "m5.xlarge", "volumeSize", new BigDecimal("100.00"));

        // WHEN / THEN equal
        assertThat(LaunchConfigHash.sha256Hex(withNull)).isEqualTo(LaunchConfigHash.sha256Hex(plain));
        assertThat(LaunchConfigHash.canonicalForm(withNull)).isEqualTo("{\"instanceType\":\"m5.xlarge\",\"volumeSize\":100}");
    }

    @Test
    void sha256Hex_shouldChange_whenAnyValueChanges() {
        // GIVEN two configurations differing in one nested value WHEN / THEN the fingerprints differ
        Map<String, Object> byol = Map.of("licensing", Map.of("osByol", true));
        Map<String, Object> notByol = Map.of("licensing", Map.of("osByol", false));
        assertThat(LaunchConfigHash.sha256Hex(byol)).isNotEqualTo(LaunchConfigHash.sha256Hex(notByol));
        assertThat(LaunchConfigHash.sha256Hex(Map.of("subnetIds", List.of("a", "b"))))
                .isNotEqualTo(LaunchConfigHash.sha256Hex(Map.of("subnetIds", List.of("b", "a"))));
    }

    @Test
    void sha256Hex_shouldIgnoreSecurityGroupOrder_whenFieldIsASet() {
        // GIVEN the same security groups in two orders WHEN hashed THEN equal, since EC2 returns them unordered
        assertThat(LaunchConfigHash.sha256Hex(Map.of("securityGroupIds", List.of("sg-1", "sg-2"))))
                .isEqualTo(LaunchConfigHash.sha256Hex(Map.of("securityGroupIds", List.of("sg-2", "sg-1"))));
        assertThat(LaunchConfigHash.sha256Hex(Map.of("securityGroupIds", List.of("sg-1"))))
                .isNotEqualTo(LaunchConfigHash.sha256Hex(Map.of("securityGroupIds", List.of("sg-1", "sg-2"))));
    }

    @Test
    void sha256Hex_shouldBeTheKnownDigest_whenConfigIsEmpty() {
        // GIVEN an empty configuration WHEN hashed THEN it is SHA-256 of "{}" as lower-case hex
        assertThat(LaunchConfigHash.sha256Hex(Map.of()))
                .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    }

    @Test
    void canonicalForm_shouldEscapeStrings_whenTheyHoldQuotesOrControls() {
        // GIVEN a value with characters JSON must escape WHEN written THEN escaped
        assertThat(LaunchConfigHash.canonicalForm(Map.of("name", "a\"b\\c\nd\u0001")))
                .isEqualTo("{\"name\":\"a\\\"b\\\\c\\nd\\u0001\"}");
    }

    @Test
    void canonicalForm_shouldThrow_whenValueIsNotJsonLike() {
        // GIVEN unsupported content (a programming error) WHEN / THEN refused
        assertThatThrownBy(() -> LaunchConfigHash.canonicalForm(Map.of("when", new Object())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LaunchConfigHash.canonicalForm(Map.of("size", Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LaunchConfigHash.canonicalForm(Map.of("tags", Map.of(1, "x"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LaunchConfigHash.canonicalForm(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
