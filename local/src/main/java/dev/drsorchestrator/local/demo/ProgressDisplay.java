package dev.drsorchestrator.local.demo;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Live wave progress on the console. On a terminal it redraws one block in place (a status line and a bar per wave)
 * with ANSI cursor movement; when stdout is a file or a pipe it prints one compact line each time the progress
 * changes, so logs and CI transcripts stay readable.
 */
final class ProgressDisplay {
    static final String CURSOR_UP = "\u001b[%dA";
    static final String CLEAR_LINE = "\u001b[2K";
    private static final int BAR = 20;

    private final PrintStream out;
    private final boolean tty;
    private int drawnLines;
    private String lastLine;

    ProgressDisplay(PrintStream out, boolean tty) {
        this.out = out;
        this.tty = tty;
    }

    /** Shows the execution as it is now, {@code elapsed} after it was started. */
    void show(ExecutionView view, Duration elapsed) {
        if (tty) {
            List<String> block = block(view, elapsed);
            StringBuilder frame = new StringBuilder();
            if (drawnLines > 0) {
                frame.append(String.format(Locale.ROOT, CURSOR_UP, drawnLines));
            }
            for (String line : block) {
                frame.append('\r').append(CLEAR_LINE).append(line).append('\n');
            }
            out.print(frame);
            out.flush();
            drawnLines = block.size();
            return;
        }
        String line = line(view);
        if (!line.equals(lastLine)) {
            out.println("  [" + seconds(elapsed) + "] " + line);
            out.flush();
            lastLine = line;
        }
    }

    /** Ends the live block: what is printed next starts below it instead of overwriting it. */
    void release() {
        drawnLines = 0;
        lastLine = null;
    }

    /** The terminal block: a status line, then one bar per wave. */
    static List<String> block(ExecutionView view, Duration elapsed) {
        List<String> lines = new ArrayList<>();
        String pause = view.pausedBeforeWave() != null && "PAUSED".equals(view.status())
                ? "  (waiting for an operator before wave " + (view.pausedBeforeWave() + 1) + ")" : "";
        lines.add("  execution " + shortId(view.executionId()) + "  " + view.status() + pause + "  "
                + seconds(elapsed));
        for (ExecutionView.WaveView wave : view.waves()) {
            int percent = percent(wave);
            int filled = percent * BAR / 100;
            lines.add(String.format(Locale.ROOT, "    wave %d %-8s [%s%s] %3d%%  %-11s %d/%d launched%s",
                    wave.number() + 1, wave.name(), "#".repeat(filled), ".".repeat(BAR - filled), percent,
                    wave.status(), wave.launched(), wave.total(), wave.failed() > 0 ? ", " + wave.failed() + " failed"
                            : ""));
        }
        return lines;
    }

    /** The one-line form: status, then each wave as {@code name STATUS launched/total}. */
    static String line(ExecutionView view) {
        StringBuilder line = new StringBuilder(view.status());
        if ("PAUSED".equals(view.status()) && view.pausedBeforeWave() != null) {
            line.append(" before wave ").append(view.pausedBeforeWave() + 1);
        }
        String separator = "  ";
        for (ExecutionView.WaveView wave : view.waves()) {
            line.append(separator).append(wave.name()).append(' ').append(wave.status()).append(' ')
                    .append(wave.launched()).append('/').append(wave.total());
            if (wave.failed() > 0) {
                line.append(" (").append(wave.failed()).append(" failed)");
            }
            separator = " | ";
        }
        return line.toString();
    }

    /** Launched and failed servers out of the wave's total; a finished wave is 100. */
    static int percent(ExecutionView.WaveView wave) {
        if (wave.total() <= 0) {
            return 0;
        }
        int done = Math.min(wave.total(), wave.launched() + wave.failed());
        return Math.max(Math.min(100, wave.progress()), done * 100 / wave.total());
    }

    static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%5.1fs", elapsed.toMillis() / 1000.0);
    }

    private static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
