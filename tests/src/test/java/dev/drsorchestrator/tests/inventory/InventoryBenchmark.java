package dev.drsorchestrator.tests.inventory;

import dev.drsorchestrator.local.sim.Counters;
import dev.drsorchestrator.local.sim.scenario.AccountSpec;
import dev.drsorchestrator.local.sim.scenario.RegionSpec;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.shared.inventory.InventorySettings;
import dev.drsorchestrator.shared.inventory.InventoryUnits;
import dev.drsorchestrator.shared.inventory.InventoryWriter;
import dev.drsorchestrator.shared.inventory.ParallelInventorySync;
import dev.drsorchestrator.shared.inventory.RegionResult;
import dev.drsorchestrator.shared.inventory.SequentialInventorySync;
import dev.drsorchestrator.shared.inventory.StreamingWriter;
import dev.drsorchestrator.shared.inventory.SyncOutcome;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.shared.store.Page;
import dev.drsorchestrator.tests.support.TestStack;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The inventory benchmark ({@code scripts/bench-inventory.sh}): one untimed warm-up sync (SDK clients, JIT, tables:
 * the steady state of a function that syncs every few minutes), then the timed parallel pipeline against the simulator
 * and DynamoDB Local with injected latency, then the writer alone over the same items, then (unless skipped) the
 * sequential reference. Prints one JSON line last. Not a test: it asserts nothing and the suite never runs it.
 */
public final class InventoryBenchmark {
    private InventoryBenchmark() {
    }

    /** Options: --accounts 10 --regions 28 --servers 10000 --distribution skewed|uniform --latency-ms 100 --page-size 100 --skip-sequential; exits explicitly (DynamoDB Local keeps non-daemon threads). */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int accounts = Integer.parseInt(opts.getOrDefault("accounts", "10"));
        int regions = Integer.parseInt(opts.getOrDefault("regions", "28"));
        int servers = Integer.parseInt(opts.getOrDefault("servers", "10000"));
        boolean skewed = !"uniform".equals(opts.getOrDefault("distribution", "skewed"));
        long latency = Long.parseLong(opts.getOrDefault("latency-ms", "100"));
        String pageSize = opts.getOrDefault("page-size", "100");
        boolean skipSequential = opts.containsKey("skip-sequential");
        Scenario scenario = BenchScenario.build(accounts, regions, servers, skewed, latency, 7);
        Map<String, String> env = Map.of("INVENTORY_DRS_PAGE_SIZE", pageSize, "AWS_MAX_ATTEMPTS", "3");
        Map<String, Object> out = new LinkedHashMap<>();
        try (TestStack stack = TestStack.start(scenario, env)) {
            InventoryFixture.registerAccounts(stack, scenario);
            InventorySettings settings = InventorySettings.from(stack.env());
            InventoryUnits units = InventoryFixture.units(stack, settings);
            new ParallelInventorySync(units, settings).run();
            stack.sim().counters().reset();
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            SyncOutcome parallel = new ParallelInventorySync(units, settings).run();
            long wallMs = (System.nanoTime() - start) / 1_000_000;
            long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            long criticalPath = criticalPath(stack.sim().counters(), scenario, latency);
            long writeFloor = writeFloor(stack, scenario, settings);
            out.put("servers", parallel.serverCount());
            out.put("accounts", accounts);
            out.put("regions", regions);
            out.put("written", parallel.successCount());
            out.put("failed", parallel.failureCount());
            out.put("wallMs", wallMs);
            out.put("criticalPathMs", criticalPath);
            out.put("writeFloorMs", writeFloor);
            if (skipSequential) {
                out.put("sequentialWallMs", null);
            } else {
                long seqStart = System.nanoTime();
                new SequentialInventorySync(units).run();
                out.put("sequentialWallMs", (System.nanoTime() - seqStart) / 1_000_000);
            }
            out.put("peakHeapMb", peakHeap / (1024 * 1024));
        }
        System.out.println(Json.write(out));
        System.exit(0);
    }

    /** The longest chain of injected latency one (account, region) waits through: AssumeRole, DRS pages, EC2 batches. */
    private static long criticalPath(Counters counters, Scenario scenario, long latency) {
        long longest = 0;
        for (AccountSpec account : scenario.accounts()) {
            long assumeRole = account.accountId().equals(InventoryFixture.HUB) ? 0 : latency;
            for (RegionSpec region : account.regions()) {
                long calls = counters.calls(account.accountId(), region.region(), "drs", "DescribeSourceServers")
                        + counters.calls(account.accountId(), region.region(), "ec2", "DescribeInstances");
                longest = Math.max(longest, assumeRole + calls * latency);
            }
        }
        return longest;
    }

    /** The time the streaming writer alone needs for the items the run wrote (re-put, stale check included). */
    private static long writeFloor(TestStack stack, Scenario scenario, InventorySettings settings)
            throws InterruptedException {
        List<RegionResult.Success> regions = new ArrayList<>();
        for (AccountSpec account : scenario.accounts()) {
            for (RegionSpec region : account.regions()) {
                List<InventoryServer> items = new ArrayList<>();
                Optional<com.fasterxml.jackson.databind.node.ObjectNode> startKey = Optional.empty();
                do {
                    Page<InventoryServer> page = stack.stores().inventory().listByAccountRegion(
                            InventoryServer.accountRegion(account.accountId(), region.region()), 1000, startKey);
                    items.addAll(page.items());
                    startKey = page.lastEvaluatedKey();
                } while (startKey.isPresent());
                regions.add(new RegionResult.Success(account.accountId(), region.region(), items));
            }
        }
        long start = System.nanoTime();
        StreamingWriter writer = StreamingWriter.start(new InventoryWriter(stack.stores().inventory()),
                settings.writerThreads(), settings.queueCapacity());
        for (RegionResult.Success region : regions) {
            writer.submit(region);
        }
        writer.finish();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if ("skip-sequential".equals(name)) {
                out.put(name, "true");
            } else if (i + 1 < args.length) {
                out.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("Option --" + name + " needs a value");
            }
        }
        return out;
    }
}
