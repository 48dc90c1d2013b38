package dev.drsorchestrator.local.sim.scenario;

import dev.drsorchestrator.local.sim.model.Account;
import dev.drsorchestrator.local.sim.model.Ec2Instance;
import dev.drsorchestrator.local.sim.model.Fleet;
import dev.drsorchestrator.local.sim.model.InstanceTypeInfo;
import dev.drsorchestrator.local.sim.model.LaunchSettings;
import dev.drsorchestrator.local.sim.model.LaunchTemplate;
import dev.drsorchestrator.local.sim.model.LaunchTemplateVersion;
import dev.drsorchestrator.local.sim.model.MachineSpec;
import dev.drsorchestrator.local.sim.model.SecurityGroup;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.local.sim.model.Subnet;
import dev.drsorchestrator.local.sim.model.Timings;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replaces the fleet's contents with a scenario: accounts, networks, source servers with a DRS launch template each,
 * and every server's source EC2 instance in its origin account and region.
 */
public final class ScenarioLoader {
    /** The instance types offered when a scenario lists none. */
    public static final List<InstanceTypeInfo> DEFAULT_INSTANCE_TYPES = List.of(
            new InstanceTypeInfo("t3.medium", 2, 4096), new InstanceTypeInfo("t3.large", 2, 8192),
            new InstanceTypeInfo("m5.large", 2, 8192), new InstanceTypeInfo("m5.xlarge", 4, 16384),
            new InstanceTypeInfo("m5.2xlarge", 8, 32768), new InstanceTypeInfo("c5.xlarge", 4, 8192),
            new InstanceTypeInfo("c5.2xlarge", 8, 16384), new InstanceTypeInfo("r5.large", 2, 16384),
            new InstanceTypeInfo("r5.xlarge", 4, 32768), new InstanceTypeInfo("r5.2xlarge", 8, 65536));

    private ScenarioLoader() {
    }

    /** Loads {@code scenario} into {@code fleet}; returns the scenario's start time (null to keep the clock). */
    public static Instant load(Scenario scenario, Fleet fleet) {
        validate(scenario);
        fleet.reset(scenario.seed() == null ? 1L : scenario.seed());
        fleet.setTimings(scenario.timings() == null ? Timings.DEFAULT : scenario.timings());
        Instant start = scenario.startTime() == null ? null : Instant.parse(scenario.startTime());
        Instant added = (start != null ? start : fleet.now()).minusSeconds(30L * 24 * 3600);
        (scenario.instanceTypes().isEmpty() ? DEFAULT_INSTANCE_TYPES : scenario.instanceTypes())
                .forEach(fleet::putInstanceType);
        for (AccountSpec spec : scenario.accounts()) {
            Set<String> regions = new LinkedHashSet<>();
            spec.regions().forEach(r -> regions.add(r.region()));
            fleet.putAccount(new Account(spec.accountId(), spec.name(), spec.kind(), regions, spec.roles(),
                    spec.instanceProfiles()));
            for (RegionSpec region : spec.regions()) {
                region.subnets().forEach(s -> fleet.putSubnet(spec.accountId(), region.region(), s));
                region.securityGroups().forEach(g -> fleet.putSecurityGroup(spec.accountId(), region.region(), g));
            }
        }
        for (AccountSpec spec : scenario.accounts()) {
            for (RegionSpec region : spec.regions()) {
                for (ServerSpec server : region.servers()) {
                    addServer(fleet, spec.accountId(), region.region(), server, added);
                }
            }
        }
        return start;
    }

    private static void addServer(Fleet fleet, String accountId, String region, ServerSpec spec, Instant added) {
        MachineSpec m = spec.machine();
        String templateId = fleet.ids().hex("lt-", 17);
        List<Subnet> subnets = fleet.subnets(accountId, region);
        List<SecurityGroup> groups = fleet.securityGroups(accountId, region);
        fleet.putLaunchTemplate(new LaunchTemplate(templateId, "drs-" + spec.sourceServerId(), accountId, region,
                added, 1, List.of(new LaunchTemplateVersion(1, "Created by AWS Elastic Disaster Recovery", added,
                m.recommendedInstanceType(), subnets.isEmpty() ? null : subnets.get(0).subnetId(),
                groups.isEmpty() ? List.of() : List.of(groups.get(0).groupId()), null))));
        LaunchSettings launch = new LaunchSettings(m.hostname(), templateId, "STARTED", "BASIC", false, true, false,
                false);
        fleet.putSourceServer(new SourceServer(spec.sourceServerId(), accountId, region, m, spec.tags(),
                spec.replicationState(), launch, null, null, null, null, added, false));
        if (m.sourceInstanceId() != null && m.originAccountId() != null && m.originRegion() != null) {
            List<Subnet> originSubnets = fleet.subnets(m.originAccountId(), m.originRegion());
            Subnet subnet = originSubnets.stream()
                    .filter(s -> s.availabilityZone().equals(m.originAvailabilityZone())).findFirst()
                    .orElse(originSubnets.isEmpty() ? null : originSubnets.get(0));
            List<SecurityGroup> originGroups = fleet.securityGroups(m.originAccountId(), m.originRegion());
            Map<String, String> tags = new LinkedHashMap<>(spec.tags());
            tags.put("Name", m.hostname());
            fleet.putInstance(new Ec2Instance(m.sourceInstanceId(), m.originAccountId(), m.originRegion(),
                    m.originAvailabilityZone(), m.instanceType(), "running", m.privateIp(),
                    subnet == null ? null : subnet.subnetId(), subnet == null ? null : subnet.vpcId(),
                    originGroups.isEmpty() ? List.of() : List.of(originGroups.get(0).groupId()), tags,
                    added.minusSeconds(90L * 24 * 3600),
                    m.os().toLowerCase(java.util.Locale.ROOT).contains("windows") ? "Windows" : "Linux/UNIX"));
        }
    }

    private static void validate(Scenario scenario) {
        Set<String> accounts = new HashSet<>();
        Set<String> servers = new HashSet<>();
        for (AccountSpec account : scenario.accounts()) {
            if (account.accountId() == null || !account.accountId().matches("\\d{12}")) {
                throw new IllegalArgumentException("accounts[].accountId must be exactly 12 digits, got "
                        + account.accountId());
            }
            if (!accounts.add(account.accountId())) {
                throw new IllegalArgumentException("account " + account.accountId() + " is listed twice");
            }
            for (RegionSpec region : account.regions()) {
                for (ServerSpec server : region.servers()) {
                    if (server.sourceServerId() == null || !server.sourceServerId().matches("s-[0-9a-f]{17}")) {
                        throw new IllegalArgumentException("servers[].sourceServerId must be 's-' and 17 hex digits,"
                                + " got " + server.sourceServerId());
                    }
                    if (!servers.add(server.sourceServerId())) {
                        throw new IllegalArgumentException("source server " + server.sourceServerId()
                                + " is listed twice");
                    }
                }
            }
        }
        if (scenario.startTime() != null) {
            Instant.parse(scenario.startTime());
        }
    }
}
