package dev.drsorchestrator.tests.inventory;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * CPU time of one benchmark phase, per thread group of this JVM and for the whole process, so the profile shows how
 * much processor the simulator, DynamoDB Local and the pipeline each burn — on a 2-core machine the sum bounds the
 * wall time from below, whatever the latency model says. Load-independent where wall time is not.
 */
final class BenchCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long processStart;
    private final Map<Long, Long> threadStart;
    private final long gcStart;
    private final long jitStart;

    private BenchCpu(long processStart, Map<Long, Long> threadStart, long gcStart, long jitStart) {
        this.processStart = processStart;
        this.threadStart = threadStart;
        this.gcStart = gcStart;
        this.jitStart = jitStart;
    }

    /** Starts measuring now. */
    static BenchCpu start() {
        return new BenchCpu(processCpuNanos(), threadCpu(), gcMillis(), jitMillis());
    }

    /** Milliseconds this JVM's collectors reported since {@link #start()} (pauses and concurrent cycles). */
    long gcMs() {
        return gcMillis() - gcStart;
    }

    /**
     * Milliseconds this JVM's JIT compiler threads spent compiling since {@link #start()} (elapsed time of the
     * compilations, a close upper bound of their CPU on a busy machine).
     */
    long jitMs() {
        return jitMillis() - jitStart;
    }

    /** The JIT's total compilation time of this JVM so far, in milliseconds. */
    static long jitMillis() {
        var jit = ManagementFactory.getCompilationMXBean();
        return jit != null && jit.isCompilationTimeMonitoringSupported() ? jit.getTotalCompilationTime() : 0;
    }

    /** The collectors' total time of this JVM so far, in milliseconds. */
    static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    /** This JVM's CPU milliseconds since {@link #start()}. */
    long processMs() {
        return (processCpuNanos() - processStart) / 1_000_000;
    }

    /**
     * CPU milliseconds since {@link #start()} per thread group (the thread name without its trailing number), the
     * groups under 10 ms left out; threads that ended during the phase are not counted here (the process total is).
     */
    Map<String, Long> byGroupMs() {
        Map<String, Long> out = new TreeMap<>();
        Map<Long, Long> now = threadCpu();
        Map<Long, String> names = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(now.keySet().stream().mapToLong(Long::longValue).toArray())) {
            if (info != null) {
                names.put(info.getThreadId(), group(info.getThreadName()));
            }
        }
        now.forEach((id, nanos) -> {
            long used = (nanos - threadStart.getOrDefault(id, 0L)) / 1_000_000;
            out.merge(names.getOrDefault(id, "ended"), used, Long::sum);
        });
        out.values().removeIf(ms -> ms < 10);
        return out;
    }

    /** The CPU time of this whole process in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static Map<Long, Long> threadCpu() {
        Map<Long, Long> out = new HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            long nanos = THREADS.getThreadCpuTime(id);
            if (nanos >= 0) {
                out.put(id, nanos);
            }
        }
        return out;
    }

    private static String group(String threadName) {
        return threadName.replaceAll("[-#@ ]?\\d+$", "").replaceAll("\\d+", "N");
    }
}
