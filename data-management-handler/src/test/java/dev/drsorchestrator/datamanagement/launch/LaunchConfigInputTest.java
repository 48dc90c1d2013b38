package dev.drsorchestrator.datamanagement.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.LaunchConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchConfigInputTest {

    private static RequestFields fields(Map<String, ?> values) {
        ObjectNode node = Json.mapper().valueToTree(values);
        return RequestFields.of(node);
    }

    @Test
    void read_shouldCopyEveryField_whenAllAreValid() {
        // GIVEN
        RequestFields fields = fields(Map.of("subnetId", "subnet-0123456789abcdef0",
                "securityGroupIds", List.of("sg-0123456789abcdef0"), "instanceType", "m5.large",
                "staticPrivateIp", "10.0.1.25", "targetInstanceTypeRightSizingMethod", "none",
                "launchDisposition", "STARTED", "copyPrivateIp", false, "copyTags", true,
                "licensing", Map.of("osByol", true)));
        // WHEN
        LaunchConfig config = LaunchConfigInput.read("launchConfig", fields);
        // THEN
        assertThat(config.subnetId()).isEqualTo("subnet-0123456789abcdef0");
        assertThat(config.securityGroupIds()).containsExactly("sg-0123456789abcdef0");
        assertThat(config.instanceType()).isEqualTo("m5.large");
        assertThat(config.staticPrivateIp()).isEqualTo("10.0.1.25");
        assertThat(config.targetInstanceTypeRightSizingMethod()).isEqualTo("NONE");
        assertThat(config.launchDisposition()).isEqualTo("STARTED");
        assertThat(config.copyTags()).isTrue();
        assertThat(config.licensing().get("osByol").asBoolean()).isTrue();
    }

    @Test
    void read_shouldNameTheField_whenTheSubnetIsMalformed() {
        // GIVEN
        RequestFields fields = fields(Map.of("subnetId", "subnet-xyz'; --"));
        // WHEN / THEN
        assertThatThrownBy(() -> LaunchConfigInput.read("launchConfig", fields))
                .hasMessageStartingWith("Field 'launchConfig.subnetId' must be a subnet id");
    }

    @Test
    void read_shouldNameTheField_whenTheDispositionIsUnknown() {
        // GIVEN
        RequestFields fields = fields(Map.of("launchDisposition", "RUNNING"));
        // WHEN / THEN
        assertThatThrownBy(() -> LaunchConfigInput.read("launchConfig", fields))
                .hasMessage("Field 'launchConfig.launchDisposition' must be one of STARTED, STOPPED");
    }

    @Test
    void read_shouldRefuse_whenTheStaticIpIsNotIpv4() {
        // GIVEN
        RequestFields fields = fields(Map.of("staticPrivateIp", "10.0.1.300"));
        // WHEN / THEN
        assertThatThrownBy(() -> LaunchConfigInput.read("launchTemplate", fields))
                .hasMessage("Field 'launchTemplate.staticPrivateIp' must be an IPv4 address");
    }

    @Test
    void readAll_shouldRefuse_whenTwoServersAskForTheSameIp() {
        // GIVEN
        var servers = List.of(
                Json.mapper().valueToTree(Map.of("sourceServerId", "s-0000000000000000a",
                        "launchTemplate", Map.of("staticPrivateIp", "10.0.1.25"))),
                Json.mapper().<com.fasterxml.jackson.databind.JsonNode>valueToTree(Map.of(
                        "sourceServerId", "s-0000000000000000b",
                        "launchTemplate", Map.of("staticPrivateIp", "10.0.1.25"))));
        // WHEN / THEN
        assertThatThrownBy(() -> ServerOverrideInput.readAll("servers",
                servers.stream().map(n -> (com.fasterxml.jackson.databind.JsonNode) n).toList()))
                .hasMessageContaining("assigns static IP 10.0.1.25 to more than one server");
    }
}
