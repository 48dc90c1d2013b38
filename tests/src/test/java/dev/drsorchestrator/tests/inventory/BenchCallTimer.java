package dev.drsorchestrator.tests.inventory;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * The benchmark's profiler: counts every AWS call of the benchmark worker and sums its duration per operation, so the
 * output shows where a sync's time goes (e.g. how many DynamoDB round trips, and how long they took). Registered on the
 * test classpath as an SDK global interceptor, and inert unless the JVM runs with {@code -Ddrs.bench.calltimer}
 * (only {@link InventoryBenchmarkWorker} does).
 */
public final class BenchCallTimer implements ExecutionInterceptor {
    private static final boolean ENABLED = System.getProperty("drs.bench.calltimer") != null;
    private static final ExecutionAttribute<Long> START = new ExecutionAttribute<>("BenchCallTimerStart");
    private static final Map<String, LongAdder[]> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (ENABLED) {
            attributes.putAttribute(START, System.nanoTime());
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(attributes);
    }

    private static void record(ExecutionAttributes attributes) {
        Long start = ENABLED ? attributes.getAttribute(START) : null;
        if (start == null) {
            return;
        }
        String name = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        LongAdder[] totals = CALLS.computeIfAbsent(name, n -> new LongAdder[] {new LongAdder(), new LongAdder()});
        totals[0].increment();
        totals[1].add((System.nanoTime() - start) / 1_000_000);
    }

    /** Forgets every count (before the timed run). */
    static void reset() {
        CALLS.clear();
    }

    /** {@code "Service.Operation" -> {"calls": n, "callMs": summed duration}}, sorted by name. */
    static Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        CALLS.forEach((name, totals) -> out.put(name, Map.of("calls", totals[0].sum(), "callMs", totals[1].sum())));
        return out;
    }
}
