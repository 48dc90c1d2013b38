package dev.drsorchestrator.local.sim.scenario;

import dev.drsorchestrator.local.sim.model.AccountKind;
import dev.drsorchestrator.local.sim.model.IamRole;
import dev.drsorchestrator.local.sim.model.InstanceProfile;
import java.util.List;

/** One account in a scenario file; DRS is initialized in every region listed under {@code regions}. */
public record AccountSpec(String accountId, String name, AccountKind kind, List<IamRole> roles,
                          List<InstanceProfile> instanceProfiles, List<RegionSpec> regions) {
    public AccountSpec {
        roles = List.copyOf(roles == null ? List.of() : roles);
        instanceProfiles = List.copyOf(instanceProfiles == null ? List.of() : instanceProfiles);
        regions = List.copyOf(regions == null ? List.of() : regions);
    }
}
