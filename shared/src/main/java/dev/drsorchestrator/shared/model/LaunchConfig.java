package dev.drsorchestrator.shared.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * DRS launch settings for recovered instances: a protection group's defaults and a server's overrides share this
 * shape, so {@code launch/LaunchConfigMerge} can overlay one on the other field by field.
 *
 * @param subnetId                          target subnet
 * @param securityGroupIds                  target security groups
 * @param instanceProfileName               IAM instance profile of the recovered instance
 * @param instanceType                      EC2 instance type
 * @param staticPrivateIp                   a fixed private IPv4 address (per-server overrides only)
 * @param targetInstanceTypeRightSizingMethod DRS right-sizing: NONE, BASIC, IN_AWS
 * @param launchIntoInstanceProperties      DRS launch-into-instance settings, kept as sent
 * @param bootMode                          LEGACY_BIOS, UEFI, USE_SOURCE
 * @param copyPrivateIp                     reuse the source private IP
 * @param copyTags                          copy source tags
 * @param launchDisposition                 STOPPED or STARTED
 * @param licensing                         DRS licensing settings, kept as sent
 * @param postLaunchEnabled                 run post-launch actions
 */
public record LaunchConfig(
        String subnetId,
        List<String> securityGroupIds,
        String instanceProfileName,
        String instanceType,
        String staticPrivateIp,
        String targetInstanceTypeRightSizingMethod,
        JsonNode launchIntoInstanceProperties,
        String bootMode,
        Boolean copyPrivateIp,
        Boolean copyTags,
        String launchDisposition,
        JsonNode licensing,
        Boolean postLaunchEnabled) {

    /** Copies the list. */
    public LaunchConfig {
        securityGroupIds = Copies.list(securityGroupIds);
    }
}
