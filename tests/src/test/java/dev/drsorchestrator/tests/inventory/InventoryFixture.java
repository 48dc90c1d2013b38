package dev.drsorchestrator.tests.inventory;

import dev.drsorchestrator.local.sim.model.MachineSpec;
import dev.drsorchestrator.local.sim.scenario.AccountSpec;
import dev.drsorchestrator.local.sim.scenario.GeneratorOptions;
import dev.drsorchestrator.local.sim.scenario.RegionSpec;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import dev.drsorchestrator.local.sim.scenario.ServerSpec;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.inventory.InventorySettings;
import dev.drsorchestrator.shared.inventory.InventoryUnits;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.tests.support.TestStack;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Inventory-sync test helpers on top of {@link TestStack}: generated scenarios, target-account registration the way an
 * operator registers them, the pipeline units, and table reads with sync timestamps removed for comparison.
 */
final class InventoryFixture {
    static final String HUB = ScenarioGenerator.accountId(0);

    private InventoryFixture() {
    }

    /** {@code accounts × regions × servers} with servers spread uniformly. */
    static Scenario scenario(int accounts, int regions, int serversPerAccount) {
        return ScenarioGenerator.generate(new GeneratorOptions("inventory", 4242, accounts, regions,
                serversPerAccount, GeneratorOptions.Placement.UNIFORM, null, null));
    }

    /** The scenario with every {@code n}-th server turned into a machine that is not an EC2 instance. */
    static Scenario withNonEc2Servers(Scenario scenario, int n) {
        List<AccountSpec> accounts = new ArrayList<>();
        int[] index = {0};
        for (AccountSpec account : scenario.accounts()) {
            List<RegionSpec> regions = new ArrayList<>();
            for (RegionSpec region : account.regions()) {
                List<ServerSpec> servers = new ArrayList<>();
                for (ServerSpec s : region.servers()) {
                    MachineSpec m = s.machine();
                    boolean physical = index[0]++ % n == 0;
                    servers.add(physical ? new ServerSpec(s.sourceServerId(), s.replicationState(), s.tags(),
                            new MachineSpec(m.hostname(), m.fqdn(), m.os(), m.cpuCores(), m.cpuModel(), m.ramBytes(),
                                    m.disks(), m.macAddress(), m.privateIp(), m.instanceType(),
                                    m.recommendedInstanceType(), null, null, null, null)) : s);
                }
                regions.add(new RegionSpec(region.region(), region.subnets(), region.securityGroups(), servers));
            }
            accounts.add(new AccountSpec(account.accountId(), account.name(), account.kind(), account.roles(),
                    account.instanceProfiles(), regions));
        }
        return new Scenario(scenario.name(), scenario.seed(), scenario.startTime(), scenario.timings(), accounts,
                scenario.instanceTypes(), scenario.faults(), scenario.assumeRoleFailures());
    }

    /** Registers every scenario account as a target account (the hub as the current account). */
    static void registerAccounts(TestStack stack, Scenario scenario) {
        for (AccountSpec account : scenario.accounts()) {
            boolean hub = HUB.equals(account.accountId());
            stack.stores().targetAccounts().create(new TargetAccount(account.accountId(), account.name(),
                    hub ? null : "arn:aws:iam::" + account.accountId() + ":role/"
                            + ScenarioGenerator.ORCHESTRATION_ROLE,
                    null, null, hub ? null : ScenarioGenerator.externalId(account.accountId()), hub, "ACTIVE", null,
                    null, List.of(), "it", null, null, null, null));
        }
    }

    /** The pipeline units of a stack with the given pipeline flag. */
    static InventoryUnits units(TestStack stack, InventorySettings settings) {
        return InventoryUnits.create(stack.stores(), stack.gateways(), stack.core().crossAccount(), settings,
                Clock.systemUTC());
    }

    /** Settings from the stack's environment. */
    static InventorySettings settings(TestStack stack) {
        return InventorySettings.from(stack.env());
    }

    /** Every server id of the scenario in an (account, region), sorted. */
    static List<String> scenarioIds(Scenario scenario, String accountId, String region) {
        return scenario.accounts().stream().filter(a -> a.accountId().equals(accountId))
                .flatMap(a -> a.regions().stream()).filter(r -> r.region().equals(region))
                .flatMap(r -> r.servers().stream()).map(ServerSpec::sourceServerId).sorted().toList();
    }

    /** Every inventory item without its sync timestamp, sorted by id. */
    static List<Map<String, AttributeValue>> inventoryItems(TestStack stack) {
        return withoutTimestamps(stack, Table.SOURCE_SERVER_INVENTORY, "sourceServerId");
    }

    /** Every region status without its timestamp, sorted by account and region. */
    static List<Map<String, AttributeValue>> regionStatuses(TestStack stack) {
        return withoutTimestamps(stack, Table.REGION_STATUS, "accountId");
    }

    /** Region status items keyed by {@code account/region}. */
    static Map<String, Map<String, AttributeValue>> statusesByKey(TestStack stack) {
        Map<String, Map<String, AttributeValue>> out = new TreeMap<>();
        regionStatuses(stack).forEach(item -> out.put(item.get("accountId").s() + "/" + item.get("region").s(), item));
        return out;
    }

    private static List<Map<String, AttributeValue>> withoutTimestamps(TestStack stack, Table table, String key) {
        List<Map<String, AttributeValue>> out = new ArrayList<>();
        for (Map<String, AttributeValue> item : stack.snapshotTables().get(table.envVariable())) {
            Map<String, AttributeValue> copy = new HashMap<>(item);
            copy.remove("lastSyncedAt");
            out.add(copy);
        }
        out.sort(Comparator.comparing((Map<String, AttributeValue> i) -> i.get(key).s())
                .thenComparing(i -> i.containsKey("region") && key.equals("accountId") ? i.get("region").s() : ""));
        return out;
    }
}
