package dev.drsorchestrator.local.sim.scenario;

import dev.drsorchestrator.local.sim.FaultRule;
import dev.drsorchestrator.local.sim.model.InstanceTypeInfo;
import dev.drsorchestrator.local.sim.model.Timings;
import java.util.List;

/**
 * Everything the simulator starts from: accounts with their regions and servers, job timings, instance types and
 * faults. Read from JSON/YAML by {@link Scenarios} or built by {@link ScenarioGenerator}.
 */
public record Scenario(String name, Long seed, String startTime, Timings timings, List<AccountSpec> accounts,
                       List<InstanceTypeInfo> instanceTypes, List<FaultRule> faults,
                       List<String> assumeRoleFailures) {
    public Scenario {
        name = name == null ? "unnamed" : name;
        accounts = List.copyOf(accounts == null ? List.of() : accounts);
        instanceTypes = List.copyOf(instanceTypes == null ? List.of() : instanceTypes);
        faults = List.copyOf(faults == null ? List.of() : faults);
        assumeRoleFailures = List.copyOf(assumeRoleFailures == null ? List.of() : assumeRoleFailures);
    }

    /** Number of accounts, distinct regions and source servers, for the ready line and logs. */
    public String summary() {
        long regions = accounts.stream().flatMap(a -> a.regions().stream()).map(RegionSpec::region).distinct().count();
        long servers = accounts.stream().flatMap(a -> a.regions().stream()).mapToLong(r -> r.servers().size()).sum();
        return "scenario " + name + ": " + accounts.size() + " accounts, " + regions + " regions, " + servers
                + " servers";
    }
}
