package dev.drsorchestrator.local.sim.model;

/** A source server's DRS launch configuration (GetLaunchConfiguration / UpdateLaunchConfiguration). */
public record LaunchSettings(String name, String launchTemplateId, String launchDisposition,
                             String rightSizingMethod, boolean copyPrivateIp, boolean copyTags, boolean osByol,
                             boolean postLaunchEnabled) {
}
