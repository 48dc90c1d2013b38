package dev.drsorchestrator.local.sim.model;

import java.time.Instant;
import java.util.List;

/** One version of an EC2 launch template, reduced to the fields DRS launch configuration cares about. */
public record LaunchTemplateVersion(long versionNumber, String description, Instant createTime,
                                    String instanceType, String subnetId, List<String> securityGroupIds,
                                    String privateIpAddress) {
    public LaunchTemplateVersion {
        securityGroupIds = List.copyOf(securityGroupIds == null ? List.of() : securityGroupIds);
    }
}
