package dev.drsorchestrator.tests.inventory;

import dev.drsorchestrator.local.sim.FaultRule;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.tests.support.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One acceptance scenario of seed 002 (plus stale removal and EC2 failure): the simulator scenario, what to do to the
 * stack before the sync (faults, pre-existing items), and what must come out of it.
 *
 * @param name             scenario name, as the seed numbers it
 * @param scenario         the simulated fleet
 * @param setup            faults and pre-existing items
 * @param failedRegions    {@code account/region} → expected error type
 * @param skippedAccounts  accounts whose AssumeRole fails
 * @param enriched         whether EC2 answers (servers with a source instance get instanceType)
 * @param survivingStale   pre-existing ids that must still be there afterwards
 */
record InventoryCase(String name, Scenario scenario, Consumer<TestStack> setup, Map<String, String> failedRegions,
                     Set<String> skippedAccounts, boolean enriched, Set<String> survivingStale) {
    static final String A1 = InventoryFixture.HUB;
    static final String A2 = "222222222222";

    @Override
    public String toString() {
        return name;
    }

    private static InventoryCase plain(String name, Scenario scenario) {
        return new InventoryCase(name, scenario, stack -> { }, Map.of(), Set.of(), true, Set.of());
    }

    /** The seed's 10 scenarios (the 10th at 1,200 servers) and two more: stale removal and EC2 failure. */
    static List<InventoryCase> all() {
        List<InventoryCase> out = new ArrayList<>();
        out.add(plain("01 single account, single region, no servers", InventoryFixture.scenario(1, 1, 0)));
        out.add(plain("02 single account, single region, multiple servers", InventoryFixture.scenario(1, 1, 12)));
        out.add(plain("03 single account, multiple regions", InventoryFixture.scenario(1, 4, 40)));
        out.add(plain("04 multiple accounts, single region each", InventoryFixture.scenario(3, 1, 10)));
        out.add(plain("05 multiple accounts, multiple regions", InventoryFixture.scenario(3, 3, 30)));
        out.add(new InventoryCase("06 account with failed role assumption", InventoryFixture.scenario(2, 2, 20),
                stack -> stack.sim().faults().failAssumeRole(A2), Map.of(), Set.of(A2), true, Set.of()));
        out.add(new InventoryCase("07 region with AccessDeniedException", InventoryFixture.scenario(1, 3, 30),
                stack -> stack.sim().faults().inject(FaultRule.error("drs", "DescribeSourceServers",
                        "AccessDeniedException").forAccount(A1).inRegion("us-west-2")),
                Map.of(A1 + "/us-west-2", "AccessDeniedException"), Set.of(), true, Set.of()));
        out.add(new InventoryCase("08 region with ThrottlingException", InventoryFixture.scenario(2, 2, 20),
                stack -> stack.sim().faults().inject(FaultRule.error("drs", "DescribeSourceServers",
                        "ThrottlingException").forAccount(A2).inRegion("us-east-1")),
                Map.of(A2 + "/us-east-1", "ThrottlingException"), Set.of(), true, Set.of()));
        out.add(plain("09 servers with EC2 enrichment data", InventoryFixture.scenario(2, 2, 24)));
        out.add(plain("10 servers without EC2 enrichment data, 1,200 servers",
                InventoryFixture.withNonEc2Servers(InventoryFixture.scenario(2, 4, 600), 2)));
        out.add(new InventoryCase("11 stale records removed only where the query succeeded",
                InventoryFixture.scenario(1, 2, 10), stack -> {
                    stack.sim().faults().inject(FaultRule.error("drs", "DescribeSourceServers",
                            "InternalServerException").forAccount(A1).inRegion("us-west-2"));
                    stack.stores().inventory().writeAll(List.of(stale("s-00000000000000001", "us-east-1"),
                            stale("s-00000000000000002", "us-west-2")));
                }, Map.of(A1 + "/us-west-2", "InternalServerException"), Set.of(), true,
                Set.of("s-00000000000000002")));
        out.add(new InventoryCase("12 EC2 enrichment failure keeps DRS data", InventoryFixture.scenario(1, 2, 16),
                stack -> stack.sim().faults().inject(FaultRule.error("ec2", "DescribeInstances",
                        "UnauthorizedOperation")), Map.of(), Set.of(), false, Set.of()));
        return out;
    }

    private static InventoryServer stale(String id, String region) {
        return new InventoryServer(id, A1, region, InventoryServer.accountRegion(A1, region), "gone-host", null,
                null, null, null, null, null, null, null, null, null, null, null, "CONTINUOUS", null, null, null,
                null, null, List.of(), Map.of(), Map.of(), "2026-01-01T00:00:00Z");
    }
}
