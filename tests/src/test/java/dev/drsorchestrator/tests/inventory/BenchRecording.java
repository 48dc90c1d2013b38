package dev.drsorchestrator.tests.inventory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import jdk.jfr.Recording;

/**
 * A flight recording of one timed benchmark phase only (not the warm-up), so its CPU samples and allocations are the
 * steady-state pipeline's: the worker starts one when {@code -Ddrs.bench.jfr=<dir>} names a directory
 * ({@code scripts/bench-inventory.sh --worker-jfr <dir>}) and dumps it as {@code <dir>/<phase>.jfr}. Inert otherwise.
 * The same events are already enabled, by {@link #prime()}, before the warm-up: enabling them only for the timed
 * phase made the JIT recompile the instrumented code inside it (11 s of compilation in one timed run). Because the
 * two recordings share their chunks, the dump holds the warm-up's events too: {@code <dir>/<phase>.window} gives the
 * phase's first and last instant (epoch milliseconds) to filter by.
 */
final class BenchRecording implements AutoCloseable {
    private static final String DIRECTORY = System.getProperty("drs.bench.jfr");

    private final Recording recording;
    private final String phase;
    private final long startedAt = System.currentTimeMillis();

    private BenchRecording(Recording recording, String phase) {
        this.recording = recording;
        this.phase = phase;
    }

    /** Enables the recorded events for the rest of the JVM's life (nothing kept), when the property is set. */
    static void prime() {
        if (DIRECTORY != null && !DIRECTORY.isBlank()) {
            Recording background = configured();
            background.setToDisk(false);
            background.setMaxSize(1);
            background.start();
        }
    }

    /** Starts recording {@code phase} when the property is set; otherwise a recording that does nothing. */
    static BenchRecording start(String phase) {
        if (DIRECTORY == null || DIRECTORY.isBlank()) {
            return new BenchRecording(null, phase);
        }
        Recording recording = configured();
        recording.start();
        return new BenchRecording(recording, phase);
    }

    private static Recording configured() {
        Recording recording = new Recording();
        recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
        recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(20));
        recording.enable("jdk.ObjectAllocationSample").with("throttle", "300/s");
        recording.enable("jdk.GarbageCollection");
        recording.enable("jdk.CPULoad").withPeriod(Duration.ofMillis(100));
        recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofMillis(100));
        return recording;
    }

    /** Stops and writes the recording, if one was started. */
    @Override
    public void close() throws IOException {
        if (recording == null) {
            return;
        }
        recording.stop();
        Path directory = Path.of(DIRECTORY);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(phase + ".window"),
                startedAt + " " + System.currentTimeMillis() + "\n");
        recording.dump(directory.resolve(phase + ".jfr"));
        recording.close();
    }
}
