package dev.drsorchestrator.local.sim.model;

import java.util.Map;

/** A VPC subnet in one availability zone. */
public record Subnet(String subnetId, String vpcId, String cidrBlock, String availabilityZone,
                     Map<String, String> tags) {
    public Subnet {
        tags = Map.copyOf(tags == null ? Map.of() : tags);
    }
}
