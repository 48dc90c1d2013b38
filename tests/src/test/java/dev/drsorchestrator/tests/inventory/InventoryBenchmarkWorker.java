package dev.drsorchestrator.tests.inventory;

import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.handler.CoreServices;
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
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.store.Page;
import dev.drsorchestrator.shared.store.Stores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline side of the inventory benchmark, in its own JVM so that its heap holds the pipeline only (the
 * simulator and DynamoDB Local run in the parent {@link InventoryBenchmark}). Configured by its process environment
 * like a handler; driven by one command per stdin line ({@code warmup}: one untimed sync, {@code parallel},
 * {@code floor-load}, {@code floor}, {@code sequential}, {@code exit}), answering each with one JSON line on stdout
 * after a {@code ready} line.
 */
public final class InventoryBenchmarkWorker {
    /** The stored items the {@code floor} command writes again, read by {@code floor-load} (untimed). */
    private static List<RegionResult.Success> floorItems = List.of();

    private InventoryBenchmarkWorker() {
    }

    /** Argument: the number of regions of the benchmark fleet (for the writer-alone measurement). */
    public static void main(String[] args) throws Exception {
        int regions = Integer.parseInt(args[0]);
        Env env = Env.fromSystem();
        CoreServices core = CoreServices.from(env);
        Stores stores = Stores.from(core);
        InventorySettings settings = InventorySettings.from(env);
        InventoryUnits units = InventoryUnits.create(stores, Gateways.from(core), core.crossAccount(), settings,
                Clock.systemUTC());
        BenchRecording.prime();
        PrintStream out = System.out;
        reply(out, Map.of("phase", "ready"));
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = in.readLine(); command != null; command = in.readLine()) {
            switch (command.trim()) {
                case "warmup" -> {
                    long cpu = BenchCpu.processCpuNanos();
                    long jit = BenchCpu.jitMillis();
                    long start = System.nanoTime();
                    new ParallelInventorySync(units, settings).run();
                    reply(out, Map.of("phase", "warmup", "ms", (System.nanoTime() - start) / 1_000_000,
                            "jitMs", BenchCpu.jitMillis() - jit,
                            "cpuMs", (BenchCpu.processCpuNanos() - cpu) / 1_000_000));
                }
                case "parallel" -> reply(out, parallel(units, settings));
                case "floor-load" -> {
                    floorItems = storedRegions(stores, regions);
                    System.gc();
                    reply(out, Map.of("phase", "floor-load"));
                }
                case "floor" -> {
                    long cpu = BenchCpu.processCpuNanos();
                    long jit = BenchCpu.jitMillis();
                    long ms = writeFloor(floorItems, settings, stores);
                    floorItems = List.of();
                    reply(out, Map.of("phase", "floor", "ms", ms, "jitMs", BenchCpu.jitMillis() - jit,
                            "cpuMs", (BenchCpu.processCpuNanos() - cpu) / 1_000_000));
                }
                case "sequential" -> {
                    long cpu = BenchCpu.processCpuNanos();
                    long start = System.nanoTime();
                    new SequentialInventorySync(units).run();
                    reply(out, Map.of("phase", "sequential", "ms", (System.nanoTime() - start) / 1_000_000,
                            "cpuMs", (BenchCpu.processCpuNanos() - cpu) / 1_000_000));
                }
                case "exit" -> {
                    core.clients().close();
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("Unknown command " + command);
            }
        }
        System.exit(0);
    }

    private static Map<String, Object> parallel(InventoryUnits units, InventorySettings settings)
            throws java.io.IOException {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long gcBefore = gcMillis();
        BenchCallTimer.reset();
        long cpu = BenchCpu.processCpuNanos();
        long jit = BenchCpu.jitMillis();
        long startedAt = System.currentTimeMillis();
        long start = System.nanoTime();
        SyncOutcome outcome;
        try (BenchRecording recording = BenchRecording.start("parallel")) {
            outcome = new ParallelInventorySync(units, settings).run();
        }
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        long cpuMs = (BenchCpu.processCpuNanos() - cpu) / 1_000_000;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("phase", "parallel");
        out.put("servers", outcome.serverCount());
        out.put("written", outcome.successCount());
        out.put("failed", outcome.failureCount());
        out.put("wallMs", wallMs);
        out.put("peakHeapMb", peakHeap / (1024 * 1024));
        out.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        out.put("gcMs", gcMillis() - gcBefore);
        out.put("cpuMs", cpuMs);
        out.put("jitMs", BenchCpu.jitMillis() - jit);
        out.put("startedAtMs", startedAt);
        out.put("awsCalls", BenchCallTimer.snapshot());
        return out;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** Every stored item of the fleet, per (account, region), as the writer-alone measurement rewrites them. */
    private static List<RegionResult.Success> storedRegions(Stores stores, int regionCount) {
        List<RegionResult.Success> regions = new ArrayList<>();
        for (TargetAccount account : stores.targetAccounts().listAll()) {
            for (String region : BenchScenario.regions(regionCount)) {
                List<InventoryServer> items = new ArrayList<>();
                Optional<com.fasterxml.jackson.databind.node.ObjectNode> startKey = Optional.empty();
                do {
                    Page<InventoryServer> page = stores.inventory().listByAccountRegion(
                            InventoryServer.accountRegion(account.accountId(), region), 1000, startKey);
                    items.addAll(page.items());
                    startKey = page.lastEvaluatedKey();
                } while (startKey.isPresent());
                regions.add(new RegionResult.Success(account.accountId(), region, items));
            }
        }
        return regions;
    }

    /** The time the streaming writer alone needs to write {@code regions} again. */
    private static long writeFloor(List<RegionResult.Success> regions, InventorySettings settings, Stores stores)
            throws InterruptedException {
        long start = System.nanoTime();
        StreamingWriter writer = StreamingWriter.start(new InventoryWriter(stores.inventory()),
                settings.writerThreads(), settings.queueCapacity());
        for (RegionResult.Success region : regions) {
            writer.submit(region, Optional.of(java.util.Set.of()));
        }
        writer.finish();
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static void reply(PrintStream out, Map<String, ?> line) {
        out.println(Json.write(line));
        out.flush();
    }
}
