package dev.drsorchestrator.local.sim.model;

import java.util.List;

/** An IAM instance profile, listed by IAM ListInstanceProfiles when choosing a launch configuration. */
public record InstanceProfile(String name, List<String> roleNames) {
    public InstanceProfile {
        roleNames = List.copyOf(roleNames == null ? List.of() : roleNames);
    }
}
