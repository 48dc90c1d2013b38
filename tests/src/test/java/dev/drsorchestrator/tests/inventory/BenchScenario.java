package dev.drsorchestrator.tests.inventory;

import dev.drsorchestrator.local.sim.FaultRule;
import dev.drsorchestrator.local.sim.model.AccountKind;
import dev.drsorchestrator.local.sim.model.Disk;
import dev.drsorchestrator.local.sim.model.IamRole;
import dev.drsorchestrator.local.sim.model.MachineSpec;
import dev.drsorchestrator.local.sim.model.ReplicationState;
import dev.drsorchestrator.local.sim.model.Timings;
import dev.drsorchestrator.local.sim.scenario.AccountSpec;
import dev.drsorchestrator.local.sim.scenario.RegionSpec;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import dev.drsorchestrator.local.sim.scenario.ServerSpec;
import dev.drsorchestrator.shared.validation.DrsRegions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The benchmark's fleet: {@code accounts × regions} over every commercial DRS region (the generator stops at 12),
 * servers placed uniformly or skewed (85% of an account's servers in 2–3 regions), each with a source EC2 instance in
 * its own account and region, and a fixed latency on every DRS, EC2 and STS call. The simulated clock starts at the
 * real now.
 */
final class BenchScenario {
    private BenchScenario() {
    }

    static List<String> regions(int count) {
        return DrsRegions.ALL.stream().filter(r -> !r.startsWith("us-gov-")).limit(count).toList();
    }

    static Scenario build(int accounts, int regionCount, int servers, boolean skewed, long latencyMs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> regions = regions(regionCount);
        List<AccountSpec> specs = new ArrayList<>();
        int serial = 0;
        for (int a = 0; a < accounts; a++) {
            String accountId = ScenarioGenerator.accountId(a);
            int share = servers / accounts + (a < servers % accounts ? 1 : 0);
            int[] perRegion = place(share, regions.size(), skewed, random);
            List<RegionSpec> regionSpecs = new ArrayList<>();
            for (int r = 0; r < regions.size(); r++) {
                List<ServerSpec> list = new ArrayList<>();
                for (int s = 0; s < perRegion[r]; s++) {
                    list.add(server(accountId, regions.get(r), serial++));
                }
                regionSpecs.add(new RegionSpec(regions.get(r), List.of(), List.of(), list));
            }
            specs.add(new AccountSpec(accountId, "bench-" + a, a == 0 ? AccountKind.HUB : AccountKind.TARGET,
                    List.of(new IamRole(ScenarioGenerator.ORCHESTRATION_ROLE,
                            ScenarioGenerator.externalId(accountId))), List.of(), regionSpecs));
        }
        List<FaultRule> faults = latencyMs == 0 ? List.of() : List.of(FaultRule.latency("drs", null, latencyMs),
                FaultRule.latency("ec2", null, latencyMs), FaultRule.latency("sts", null, latencyMs));
        // the simulator's clock starts now, so the credentials its STS issues expire an hour from the real now and
        // the hub's cache keeps them (a past start time makes every call assume the role again)
        String start = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        return new Scenario("bench", seed, start, Timings.DEFAULT, specs, null, faults, null);
    }

    private static int[] place(int total, int regions, boolean skewed, SplittableRandom random) {
        int[] counts = new int[regions];
        if (!skewed || regions <= 3) {
            for (int i = 0; i < total; i++) {
                counts[i % regions]++;
            }
            return counts;
        }
        int majors = 2 + random.nextInt(2);
        int offset = random.nextInt(regions);
        for (int i = 0; i < total; i++) {
            boolean major = random.nextDouble() < 0.85;
            int slot = major ? random.nextInt(majors) : majors + random.nextInt(regions - majors);
            counts[(slot + offset) % regions]++;
        }
        return counts;
    }

    private static ServerSpec server(String accountId, String region, int n) {
        String host = "bench-" + n;
        String id = String.format("s-%017x", 0x100000L + n);
        String instance = String.format("i-%017x", 0x200000L + n);
        MachineSpec machine = new MachineSpec(host, host + ".corp.example.com", "Amazon Linux 2023", 2,
                "Intel(R) Xeon(R)", 8L << 30, List.of(new Disk("/dev/xvda", 50L << 30)),
                String.format("0a:00:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff),
                "10.0." + (n / 250 % 250) + "." + (n % 250 + 1), "m5.large", "m5.large", instance, accountId, region,
                region + "a");
        return new ServerSpec(id, ReplicationState.CONTINUOUS, Map.of("Name", host, "Tier", "web"), machine);
    }
}
