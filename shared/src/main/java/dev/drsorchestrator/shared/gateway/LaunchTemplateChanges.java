package dev.drsorchestrator.shared.gateway;

import java.util.List;

/**
 * What a new launch-template version changes relative to its source version; null fields are inherited. The network
 * fields apply to the primary interface (device index 0), which is where DRS places a recovery instance.
 *
 * @param instanceType           e.g. {@code m5.large}
 * @param subnetId               the subnet of the primary interface
 * @param securityGroupIds       the security groups of the primary interface
 * @param privateIpAddress       a static private IP for the primary interface
 * @param iamInstanceProfileName the instance profile name
 * @param versionDescription     a description recorded on the version
 */
public record LaunchTemplateChanges(String instanceType, String subnetId, List<String> securityGroupIds,
                                    String privateIpAddress, String iamInstanceProfileName,
                                    String versionDescription) {
    public LaunchTemplateChanges {
        securityGroupIds = securityGroupIds == null ? null : List.copyOf(securityGroupIds);
    }

    boolean changesNetwork() {
        return subnetId != null || securityGroupIds != null || privateIpAddress != null;
    }
}
