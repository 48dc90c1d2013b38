package dev.drsorchestrator.tests.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.sim.Counters;
import dev.drsorchestrator.local.sim.scenario.AccountSpec;
import dev.drsorchestrator.local.sim.scenario.RegionSpec;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.tests.support.TestStack;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The inventory benchmark ({@code scripts/bench-inventory.sh}). This JVM holds the simulator (injected latency on every
 * DRS, EC2 and STS call) and DynamoDB Local; the pipeline runs in a child JVM ({@link InventoryBenchmarkWorker}) built
 * from the same environment a handler gets, so the child's peak heap is the pipeline's alone. The child runs untimed
 * warm-up syncs until the JIT time stops falling ({@link BenchWarmUp}: the steady state of a function that syncs every
 * few minutes, and of AWS, which is always warm), then the timed parallel pipeline, then the writer alone over the
 * same items, then (unless skipped) the sequential reference. Prints one JSON line last. Not a test: it asserts
 * nothing and the suite never runs it.
 */
public final class InventoryBenchmark {
    private static final List<String> PASSED_ON = List.of("AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_DYNAMODB", "AWS_MAX_ATTEMPTS", "CROSS_ACCOUNT_ROLE_NAME",
            "ENVIRONMENT", "INVENTORY_DRS_PAGE_SIZE", "INVENTORY_ACCOUNT_THREADS", "INVENTORY_REGION_THREADS",
            "INVENTORY_WRITER_THREADS", "INVENTORY_QUEUE_CAPACITY");

    /** Where the worker's log lines go (this JVM's stderr, set by main). */
    private static Writer workerLog = Writer.nullWriter();

    private InventoryBenchmark() {
    }

    /**
     * Options: --accounts 10 --regions 28 --servers 10000 --distribution skewed|uniform --latency-ms 100
     * --page-size 100 --worker-heap 256m --writer-threads N --queue-capacity N --warmup-syncs N --skip-sequential
     * --worker-jfr DIR (a flight recording of the worker's timed parallel run, {@code DIR/parallel.jfr});
     * exits explicitly (DynamoDB Local keeps non-daemon threads).
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> opts = options(args);
        int accounts = Integer.parseInt(opts.getOrDefault("accounts", "10"));
        int regions = Integer.parseInt(opts.getOrDefault("regions", "28"));
        int servers = Integer.parseInt(opts.getOrDefault("servers", "10000"));
        boolean skewed = !"uniform".equals(opts.getOrDefault("distribution", "skewed"));
        long latency = Long.parseLong(opts.getOrDefault("latency-ms", "100"));
        String workerHeap = opts.getOrDefault("worker-heap", "256m");
        // untimed warm-up syncs until the JIT time stops falling (BenchWarmUp), or exactly --warmup-syncs N
        Integer fixedWarmups = opts.containsKey("warmup-syncs") ? Integer.valueOf(opts.get("warmup-syncs")) : null;
        boolean skipSequential = opts.containsKey("skip-sequential");
        Scenario scenario = BenchScenario.build(accounts, regions, servers, skewed, latency, 7);
        Map<String, String> env = new HashMap<>(Map.of(
                "INVENTORY_DRS_PAGE_SIZE", opts.getOrDefault("page-size", "100"), "AWS_MAX_ATTEMPTS", "3"));
        if (opts.containsKey("writer-threads")) {
            env.put("INVENTORY_WRITER_THREADS", opts.get("writer-threads"));
        }
        if (opts.containsKey("queue-capacity")) {
            env.put("INVENTORY_QUEUE_CAPACITY", opts.get("queue-capacity"));
        }
        workerLog = new OutputStreamWriter(System.err, StandardCharsets.UTF_8);
        Map<String, Object> out = new LinkedHashMap<>();
        try (TestStack stack = TestStack.start(scenario, env)) {
            InventoryFixture.registerAccounts(stack, scenario);
            Process worker = startWorker(stack, regions, workerHeap, opts.get("worker-jfr"));
            try (BufferedReader from = new BufferedReader(new InputStreamReader(worker.getInputStream(),
                    StandardCharsets.UTF_8));
                 Writer to = new OutputStreamWriter(worker.getOutputStream(), StandardCharsets.UTF_8)) {
                expect(from, "ready");
                Map<String, Object> warmUp = BenchWarmUp.run(() -> command(to, from, "warmup"), servers,
                        fixedWarmups);
                // the stand-ins collect their garbage before each timed phase, as the worker does: a pause of the
                // simulator's or DynamoDB Local's heap belongs to neither the pipeline nor AWS
                System.gc();
                stack.sim().counters().reset();
                BenchCpu parallelCpu = BenchCpu.start();
                JsonNode parallel = command(to, from, "parallel");
                Map<String, Object> cpu = cpuProfile(parallelCpu, parallel);
                cpu.put("simulatorPeakConcurrentCalls", stack.sim().counters().peakConcurrency());
                long criticalPath = criticalPath(stack.sim().counters(), scenario, latency);
                command(to, from, "floor-load");
                System.gc();
                BenchCpu floorCpu = BenchCpu.start();
                JsonNode floor = command(to, from, "floor");
                long writeFloor = floor.get("ms").asLong();
                Map<String, Object> cpuFloor = cpuProfile(floorCpu, floor);
                out.put("servers", parallel.get("servers").asInt());
                out.put("accounts", accounts);
                out.put("regions", regions);
                out.put("written", parallel.get("written").asInt());
                out.put("failed", parallel.get("failed").asInt());
                out.put("wallMs", parallel.get("wallMs").asLong());
                out.put("criticalPathMs", criticalPath);
                out.put("writeFloorMs", writeFloor);
                out.put("sequentialWallMs", skipSequential ? null
                        : command(to, from, "sequential").get("ms").asLong());
                out.put("peakHeapMb", parallel.get("peakHeapMb").asLong());
                out.put("workerMaxHeapMb", parallel.get("maxHeapMb").asLong());
                out.put("workerGcMs", parallel.get("gcMs").asLong());
                to.write("exit\n");
                to.flush();
                System.out.println(Json.write(Map.of("warmUp", warmUp)));
                System.out.println(Json.write(Map.of("awsCallsDuringParallelRun", parallel.get("awsCalls"))));
                System.out.println(Json.write(Map.of("cpuMsDuringParallelRun", cpu, "cpuMsDuringWriteFloor",
                        cpuFloor)));
            } finally {
                worker.waitFor();
            }
        }
        System.out.println(Json.write(out));
        System.exit(0);
    }

    private static Process startWorker(TestStack stack, int regions, String heap, String jfrDirectory)
            throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        // the deployed functions' JVM flags (cfn/lambda-functions.yaml JAVA_TOOL_OPTIONS): C1 only, so the pipeline
        // JVM does not spend the two cores on C2 compilation a Lambda never does
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx" + heap, "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1", "-Ddrs.bench.calltimer=on",
                "-Ddrs.bench.jfr=" + (jfrDirectory == null ? "" : jfrDirectory), "-cp",
                System.getProperty("java.class.path"), InventoryBenchmarkWorker.class.getName(),
                Integer.toString(regions));
        Map<String, String> childEnv = builder.environment();
        childEnv.keySet().removeIf(name -> name.startsWith("AWS_") || name.startsWith("INVENTORY_")
                || name.endsWith("_TABLE"));
        for (Table table : Table.values()) {
            stack.env().optional(table.envVariable()).ifPresent(value -> childEnv.put(table.envVariable(), value));
        }
        for (String name : PASSED_ON) {
            stack.env().optional(name).ifPresent(value -> childEnv.put(name, value));
        }
        builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        return builder.start();
    }

    private static JsonNode command(Writer to, BufferedReader from, String command) throws Exception {
        to.write(command + "\n");
        to.flush();
        return expect(from, command);
    }

    private static JsonNode expect(BufferedReader from, String phase) throws Exception {
        for (String line = from.readLine(); line != null; line = from.readLine()) {
            JsonNode reply = line.startsWith("{") ? Json.mapper().readTree(line) : null;
            if (reply == null || !reply.hasNonNull("phase")) {
                workerLog.write(line + "\n");
                workerLog.flush();
                continue;
            }
            if (!phase.equals(reply.get("phase").asText())) {
                throw new IllegalStateException("Worker answered " + line + " to " + phase);
            }
            return reply;
        }
        throw new IllegalStateException("Worker exited before answering " + phase);
    }

    /**
     * CPU milliseconds of one phase: the worker's process, this JVM's (simulator + DynamoDB Local) and this JVM's
     * busiest thread groups, so the profile says which component the two cores were busy with.
     */
    private static Map<String, Object> cpuProfile(BenchCpu cpu, JsonNode reply) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("wallMs", reply.has("wallMs") ? reply.get("wallMs").asLong() : reply.get("ms").asLong());
        out.put("workerCpuMs", reply.get("cpuMs").asLong());
        out.put("workerJitMs", reply.get("jitMs").asLong());
        out.put("simulatorAndDynamoDbLocalCpuMs", cpu.processMs());
        out.put("simulatorAndDynamoDbLocalJitMs", cpu.jitMs());
        out.put("simulatorAndDynamoDbLocalGcMs", cpu.gcMs());
        out.put("byThreadGroup", cpu.byGroupMs());
        return out;
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
