package dev.drsorchestrator.shared.gateway;

/**
 * The DRS launch settings of one source server that the orchestrator changes; null fields are left as they are.
 *
 * @param name                               the launch configuration's name
 * @param copyPrivateIp                      reuse the source's private IP
 * @param copyTags                           copy the source's tags to the recovery instance
 * @param launchDisposition                  STOPPED or STARTED
 * @param targetInstanceTypeRightSizingMethod NONE, BASIC or IN_AWS
 * @param osByol                             bring your own OS licence
 * @param postLaunchEnabled                  run post-launch actions
 */
public record LaunchConfigurationUpdate(String name, Boolean copyPrivateIp, Boolean copyTags,
                                        String launchDisposition, String targetInstanceTypeRightSizingMethod,
                                        Boolean osByol, Boolean postLaunchEnabled) {
}
