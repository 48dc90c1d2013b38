package dev.drsorchestrator.shared.gateway;

import java.util.List;
import java.util.Map;

/**
 * The EC2 facts the inventory keeps about a source or recovery instance: placement, network, profile and tags.
 *
 * @param instanceId         {@code i-...}
 * @param instanceType       e.g. {@code m5.large}
 * @param state              pending, running, stopping, stopped, shutting-down, terminated
 * @param privateIpAddress   the primary private IP
 * @param subnetId           the primary subnet
 * @param vpcId              the VPC
 * @param availabilityZone   the availability zone
 * @param iamInstanceProfile the instance profile ARN, null when none
 * @param platformDetails    e.g. {@code Linux/UNIX}
 * @param launchTime         ISO-8601
 * @param tags               tag key to value
 * @param networkInterfaces  every attached interface
 */
public record Ec2InstanceInfo(String instanceId, String instanceType, String state, String privateIpAddress,
                              String subnetId, String vpcId, String availabilityZone, String iamInstanceProfile,
                              String platformDetails, String launchTime, Map<String, String> tags,
                              List<NetworkInterfaceInfo> networkInterfaces) {
    public Ec2InstanceInfo {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        networkInterfaces = networkInterfaces == null ? List.of() : List.copyOf(networkInterfaces);
    }

    /**
     * One network interface of an instance.
     *
     * @param networkInterfaceId {@code eni-...}
     * @param deviceIndex        0 for the primary
     * @param subnetId           its subnet
     * @param privateIpAddress   its primary private IP
     * @param macAddress         its MAC address
     * @param securityGroupIds   its security groups
     */
    public record NetworkInterfaceInfo(String networkInterfaceId, Integer deviceIndex, String subnetId,
                                       String privateIpAddress, String macAddress, List<String> securityGroupIds) {
        public NetworkInterfaceInfo {
            securityGroupIds = securityGroupIds == null ? List.of() : List.copyOf(securityGroupIds);
        }
    }
}
