package dev.drsorchestrator.shared.model;

import java.util.Map;

/**
 * A per-server override inside a protection group: when {@code useGroupDefaults} is false, {@code launchTemplate}
 * fields replace the group's defaults for this server only.
 *
 * @param sourceServerId  the DRS source server
 * @param instanceId      the source EC2 instance, when known
 * @param instanceName    the source instance's Name tag
 * @param tags            the server's tags when the override was saved
 * @param useGroupDefaults whether the group's defaults apply unchanged
 * @param launchTemplate  the override fields
 * @param effectiveConfig the merged result last applied to DRS
 */
public record ServerLaunchConfig(
        String sourceServerId,
        String instanceId,
        String instanceName,
        Map<String, String> tags,
        Boolean useGroupDefaults,
        LaunchConfig launchTemplate,
        LaunchConfig effectiveConfig) {

    /** Copies the tags. */
    public ServerLaunchConfig {
        tags = Copies.map(tags);
    }
}
