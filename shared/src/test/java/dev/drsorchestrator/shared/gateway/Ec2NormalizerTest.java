package dev.drsorchestrator.shared.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceNetworkInterface;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;

class Ec2NormalizerTest {
    @Test
    void instance_shouldKeepNetworkInterfacesAndProfile_whenEc2ReportsThem() {
        // GIVEN an instance with two interfaces and an instance profile
        Instance instance = Instance.builder().instanceId("i-0123456789abcdef0").instanceType("m5.large")
                .state(s -> s.name(InstanceStateName.RUNNING)).privateIpAddress("10.0.1.10").subnetId("subnet-1")
                .vpcId("vpc-1").placement(p -> p.availabilityZone("us-east-1a"))
                .iamInstanceProfile(p -> p.arn("arn:aws:iam::111111111111:instance-profile/app"))
                .launchTime(Instant.parse("2026-01-01T00:00:00Z")).tags(t -> t.key("Name").value("app-1"))
                .networkInterfaces(
                        InstanceNetworkInterface.builder().networkInterfaceId("eni-1").subnetId("subnet-1")
                                .privateIpAddress("10.0.1.10").macAddress("0a:00:00:00:00:01")
                                .attachment(a -> a.deviceIndex(0)).groups(g -> g.groupId("sg-1")).build(),
                        InstanceNetworkInterface.builder().networkInterfaceId("eni-2").subnetId("subnet-2")
                                .privateIpAddress("10.0.2.10").attachment(a -> a.deviceIndex(1)).build())
                .build();

        // WHEN it is normalized
        Ec2InstanceInfo info = Ec2Normalizer.instance(instance);

        // THEN every enrichment field the inventory keeps is there
        assertThat(info.state()).isEqualTo("running");
        assertThat(info.availabilityZone()).isEqualTo("us-east-1a");
        assertThat(info.iamInstanceProfile()).isEqualTo("arn:aws:iam::111111111111:instance-profile/app");
        assertThat(info.launchTime()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(info.tags()).containsExactlyEntriesOf(java.util.Map.of("Name", "app-1"));
        assertThat(info.networkInterfaces()).containsExactly(
                new Ec2InstanceInfo.NetworkInterfaceInfo("eni-1", 0, "subnet-1", "10.0.1.10", "0a:00:00:00:00:01",
                        java.util.List.of("sg-1")),
                new Ec2InstanceInfo.NetworkInterfaceInfo("eni-2", 1, "subnet-2", "10.0.2.10", null,
                        java.util.List.of()));
    }
}
