package dev.drsorchestrator.local.sim.model;

import java.util.List;
import java.util.Set;

/**
 * One AWS account of the scenario. DRS answers only in {@code drsRegions} (elsewhere it is "uninitialized", as in a
 * real account where nobody opened the DRS console); {@code roles} are what STS AssumeRole checks against.
 */
public record Account(String accountId, String name, AccountKind kind, Set<String> drsRegions, List<IamRole> roles,
                      List<InstanceProfile> instanceProfiles) {
    public Account {
        if (accountId == null || !accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("accountId must be exactly 12 digits, got " + accountId);
        }
        drsRegions = Set.copyOf(drsRegions == null ? Set.of() : drsRegions);
        roles = List.copyOf(roles == null ? List.of() : roles);
        instanceProfiles = List.copyOf(instanceProfiles == null ? List.of() : instanceProfiles);
        kind = kind == null ? AccountKind.TARGET : kind;
        name = name == null ? accountId : name;
    }
}
