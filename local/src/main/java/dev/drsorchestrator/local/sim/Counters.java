package dev.drsorchestrator.local.sim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Call counts per operation and per (account, region, operation), peak concurrency, and injected latency per
 * (account, region), so tests can assert fan-out and benchmarks can compute a critical path. Operations are named
 * {@code service:Operation}, e.g. {@code drs:DescribeSourceServers}.
 */
public final class Counters {
    private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byScope = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> latencyByScope = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();

    Counters() {
    }

    /** Calls of {@code service:operation} since the last reset. */
    public long calls(String service, String operation) {
        LongAdder adder = byOperation.get(service + ":" + operation);
        return adder == null ? 0 : adder.sum();
    }

    /** Calls of {@code service:operation} by one account in one region. */
    public long calls(String account, String region, String service, String operation) {
        LongAdder adder = byScope.get(account + "/" + region + "/" + service + ":" + operation);
        return adder == null ? 0 : adder.sum();
    }

    /** The most calls in flight at once since the last reset. */
    public int peakConcurrency() {
        return peak.get();
    }

    /** Total injected latency in milliseconds for calls by one account in one region. */
    public long injectedLatencyMillis(String account, String region) {
        LongAdder adder = latencyByScope.get(account + "/" + region);
        return adder == null ? 0 : adder.sum();
    }

    /** Everything, as sorted maps, for the control endpoint. */
    public CounterSnapshot snapshot() {
        return new CounterSnapshot(sums(byOperation), sums(byScope), sums(latencyByScope), peak.get());
    }

    public void reset() {
        byOperation.clear();
        byScope.clear();
        latencyByScope.clear();
        peak.set(inFlight.get());
    }

    void begin(String account, String region, String service, String operation) {
        byOperation.computeIfAbsent(service + ":" + operation, k -> new LongAdder()).increment();
        byScope.computeIfAbsent(account + "/" + region + "/" + service + ":" + operation, k -> new LongAdder())
                .increment();
        int now = inFlight.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    void end() {
        inFlight.decrementAndGet();
    }

    void addLatency(String account, String region, long millis) {
        if (millis > 0) {
            latencyByScope.computeIfAbsent(account + "/" + region, k -> new LongAdder()).add(millis);
        }
    }

    private static Map<String, Long> sums(Map<String, LongAdder> source) {
        Map<String, Long> out = new TreeMap<>();
        source.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** A point-in-time copy of all counters. */
    public record CounterSnapshot(Map<String, Long> callsByOperation, Map<String, Long> callsByAccountRegionOperation,
                                  Map<String, Long> injectedLatencyMillisByAccountRegion, int peakConcurrency) {
    }
}
