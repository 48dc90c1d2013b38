package dev.drsorchestrator.local.sim.model;

import java.util.Map;

/** A VPC security group. */
public record SecurityGroup(String groupId, String groupName, String description, String vpcId,
                            Map<String, String> tags) {
    public SecurityGroup {
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }
}
