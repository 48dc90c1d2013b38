package dev.drsorchestrator.shared.store;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.model.InventoryServer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What building one inventory item costs, generic {@link ItemMapper} against {@link InventoryItems}, in one JVM with
 * the two alternated (A/B): CPU nanoseconds and bytes allocated per server on the calling thread — the allocation is
 * exact and independent of machine load, the CPU is the median of the rounds. Servers have the benchmark fleet's
 * shape. Not a test; run it with {@code java -cp <shared test classpath> dev.drsorchestrator.shared.store
 * .InventoryItemsCost [rounds] [servers]}; docs/benchmarks.md has its numbers.
 */
public final class InventoryItemsCost {
    private InventoryItemsCost() {
    }

    /** Arguments: rounds (default 30) and servers per round (default 10,000). */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        List<InventoryServer> servers = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            servers.add(server(n));
        }
        ItemMapper<InventoryServer> mapper = new ItemMapper<>(InventoryServer.class);
        long[][] generic = new long[rounds][];
        long[][] direct = new long[rounds][];
        for (int r = 0; r < rounds; r++) {
            generic[r] = measure(servers, mapper::toItem);
            direct[r] = measure(servers, InventoryItems::toItem);
        }
        int from = rounds / 3;
        String line = String.format("{\"servers\":%d,\"rounds\":%d,\"measuredRounds\":%d,"
                        + "\"genericCpuNsPerServer\":%d,\"directCpuNsPerServer\":%d,"
                        + "\"genericBytesPerServer\":%d,\"directBytesPerServer\":%d}",
                count, rounds, rounds - from, median(generic, 0, from) / count, median(direct, 0, from) / count,
                median(generic, 1, from) / count, median(direct, 1, from) / count);
        System.out.println(line);
    }

    private static long[] measure(List<InventoryServer> servers, Function<InventoryServer, Map<String,
            AttributeValue>> toItem) {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytes = threads.getCurrentThreadAllocatedBytes();
        long cpu = threads.getCurrentThreadCpuTime();
        int attributes = 0;
        for (InventoryServer server : servers) {
            attributes += toItem.apply(server).size();
        }
        long[] out = {threads.getCurrentThreadCpuTime() - cpu, threads.getCurrentThreadAllocatedBytes() - bytes};
        if (attributes == 0) {
            throw new IllegalStateException("No attributes mapped");
        }
        return out;
    }

    /** The median of column {@code column} over the rounds from {@code from} on (the first third warms the JIT). */
    private static long median(long[][] rounds, int column, int from) {
        long[] values = Arrays.stream(rounds, from, rounds.length).mapToLong(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }

    private static InventoryServer server(int n) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode hardware = f.objectNode();
        hardware.putArray("cpus").addObject().put("modelName", "Intel(R) Xeon(R)").put("cores", 2);
        hardware.put("totalCores", 2).put("ramBytes", 8L << 30).put("ramGiB", 8.0);
        hardware.putArray("disks").addObject().put("deviceName", "/dev/xvda").put("bytes", 50L << 30)
                .put("sizeGiB", 50.0);
        hardware.put("totalDiskGiB", 50.0);
        ObjectNode nic = f.objectNode();
        nic.putArray("ips").add("10.0." + (n / 250 % 250) + "." + (n % 250 + 1));
        nic.put("macAddress", String.format("0a:00:00:%02x:%02x:%02x", (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff))
                .put("isPrimary", true);
        String host = "bench-" + n;
        Map<String, String> tags = Map.of("Name", host, "Tier", "web");
        return new InventoryServer(String.format("s-%017x", 0x100000L + n), "111111111111", "us-east-1",
                "111111111111#us-east-1", host, host + ".corp.example.com", host,
                String.format("i-%017x", 0x200000L + n), "10.0.0.1", "0a:00:00:00:00:01", "us-east-1",
                "111111111111", "us-east-1a", "us-east-1b", "Amazon Linux 2023", "m5.large", "running",
                "CONTINUOUS", "PT0S", "2026-11-22T10:00:00Z", "NOT_STARTED", 50L << 30, hardware, List.of(nic),
                tags, tags, "2026-11-22T10:00:00Z");
    }
}
