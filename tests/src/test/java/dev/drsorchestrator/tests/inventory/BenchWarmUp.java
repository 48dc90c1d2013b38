package dev.drsorchestrator.tests.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The untimed warm-up syncs before the timed run: the steady state of a function that syncs every few minutes, and of
 * DRS, EC2 and DynamoDB, which are always warm. The stand-ins (simulator and DynamoDB Local, C2 enabled) kept
 * compiling long after the pipeline did, and that compilation landed in the timed run on the same two cores, so the
 * warm-up runs in windows of syncs covering at least 14,000 servers each (at least 3 syncs) and stops after the first
 * window whose JIT time (stand-ins + worker) did not fall by at least a fifth from the window before, or after
 * {@link #MAX_WINDOWS} windows. {@code --warmup-syncs N} runs exactly N syncs instead. What is timed afterwards is
 * unchanged.
 */
final class BenchWarmUp {
    /** Servers one window of warm-up syncs covers at least. */
    static final int WINDOW_SERVERS = 14_000;
    /** Windows at most, whatever the JIT still does. */
    static final int MAX_WINDOWS = 6;
    /** A window's JIT time must fall below this share of the window before for the warm-up to go on. */
    static final double STILL_FALLING = 0.8;

    /** Runs one untimed sync in the worker and returns its reply ({@code ms}, {@code jitMs}). */
    interface Sync {
        JsonNode run() throws Exception;
    }

    private BenchWarmUp() {
    }

    /** Syncs per window for a fleet of {@code servers}. */
    static int windowSyncs(int servers) {
        return Math.max(3, (WINDOW_SERVERS + servers - 1) / servers);
    }

    /**
     * Warms up until the JIT time stops falling ({@code fixedSyncs} null) or for exactly {@code fixedSyncs} syncs;
     * returns what it did, per window, for the benchmark's output.
     */
    static Map<String, Object> run(Sync sync, int servers, Integer fixedSyncs) throws Exception {
        int window = fixedSyncs == null ? windowSyncs(servers) : Math.max(1, fixedSyncs);
        int windows = fixedSyncs == null ? MAX_WINDOWS : 1;
        List<Map<String, Long>> perWindow = new ArrayList<>();
        String stopped = fixedSyncs == null ? "max windows" : "fixed --warmup-syncs";
        long previousJit = Long.MAX_VALUE;
        for (int w = 0; w < windows; w++) {
            long standInsJit = 0;
            long workerJit = 0;
            long wallMs = 0;
            for (int i = 0; i < window; i++) {
                long before = BenchCpu.jitMillis();
                JsonNode reply = sync.run();
                standInsJit += BenchCpu.jitMillis() - before;
                workerJit += reply.get("jitMs").asLong();
                wallMs += reply.get("ms").asLong();
            }
            Map<String, Long> line = new LinkedHashMap<>();
            line.put("wallMs", wallMs);
            line.put("standInsJitMs", standInsJit);
            line.put("workerJitMs", workerJit);
            perWindow.add(line);
            long jit = standInsJit + workerJit;
            if (fixedSyncs == null && w > 0 && jit >= STILL_FALLING * previousJit) {
                stopped = "JIT time stopped falling";
                break;
            }
            previousJit = jit;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("syncs", perWindow.size() * window);
        out.put("syncsPerWindow", window);
        out.put("stopped", stopped);
        out.put("windows", perWindow);
        return out;
    }
}
