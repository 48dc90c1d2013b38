package dev.drsorchestrator.local.sim.scenario;

import dev.drsorchestrator.local.sim.model.SecurityGroup;
import dev.drsorchestrator.local.sim.model.Subnet;
import java.util.List;

/** One region of an account in a scenario file: its network and the source servers DRS replicates there. */
public record RegionSpec(String region, List<Subnet> subnets, List<SecurityGroup> securityGroups,
                         List<ServerSpec> servers) {
    public RegionSpec {
        if (region == null || !region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw new IllegalArgumentException("region must look like us-east-1, got " + region);
        }
        subnets = List.copyOf(subnets == null ? List.of() : subnets);
        securityGroups = List.copyOf(securityGroups == null ? List.of() : securityGroups);
        servers = List.copyOf(servers == null ? List.of() : servers);
    }
}
