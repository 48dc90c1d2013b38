package dev.drsorchestrator.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressDisplayTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    @Test
    void show_shouldPrintOneLinePerChange_whenStdoutIsNotATerminal() {
        // GIVEN a display on a pipe
        ProgressDisplay display = new ProgressDisplay(out, false);

        // WHEN the same state is polled twice, then wave 1 completes, then the execution pauses before wave 3
        display.show(view("RUNNING", null, "IN_PROGRESS", 0), Duration.ofMillis(1500));
        display.show(view("RUNNING", null, "IN_PROGRESS", 0), Duration.ofMillis(1700));
        display.show(view("RUNNING", null, "COMPLETED", 2), Duration.ofMillis(4200));
        display.show(view("PAUSED", 2, "COMPLETED", 2), Duration.ofMillis(9000));

        // THEN three lines, no escape codes, each with the elapsed time and every wave
        assertThat(text().lines().toList()).containsExactly(
                "  [  1.5s] RUNNING  db IN_PROGRESS 0/2 | app PENDING 0/3 | web PENDING 0/5",
                "  [  4.2s] RUNNING  db COMPLETED 2/2 | app PENDING 0/3 | web PENDING 0/5",
                "  [  9.0s] PAUSED before wave 3  db COMPLETED 2/2 | app PENDING 0/3 | web PENDING 0/5");
        assertThat(text()).doesNotContain("\u001b");
    }

    @Test
    void show_shouldRedrawTheBlockInPlace_whenStdoutIsATerminal() {
        // GIVEN a display on a terminal
        ProgressDisplay display = new ProgressDisplay(out, true);

        // WHEN two frames are shown
        display.show(view("RUNNING", null, "IN_PROGRESS", 1), Duration.ofSeconds(2));
        int firstFrame = text().length();
        display.show(view("RUNNING", null, "COMPLETED", 2), Duration.ofSeconds(3));

        // THEN the first frame draws 4 lines (status + 3 waves) and the second moves up 4 lines and clears each
        String first = text().substring(0, firstFrame);
        String second = text().substring(firstFrame);
        assertThat(first).doesNotContain("\u001b[4A");
        assertThat(second).startsWith("\u001b[4A");
        assertThat(second.split("\u001b\\[2K", -1)).hasSize(5);
        assertThat(second).contains("    wave 1 db       [####################] 100%  COMPLETED   2/2 launched");
        assertThat(first).contains("    wave 1 db       [##########..........]  50%  IN_PROGRESS 1/2 launched");
    }

    @Test
    void release_shouldStartTheNextBlockBelow_whenTheWatchEnded() {
        // GIVEN a terminal display that drew a frame and was released
        ProgressDisplay display = new ProgressDisplay(out, true);
        display.show(view("RUNNING", null, "IN_PROGRESS", 1), Duration.ofSeconds(2));
        display.release();
        int before = text().length();

        // WHEN the next watch draws
        display.show(view("RUNNING", null, "COMPLETED", 2), Duration.ofSeconds(3));

        // THEN it does not move the cursor up over what was printed in between
        assertThat(text().substring(before)).doesNotContain("\u001b[4A");
    }

    @Test
    void percent_shouldCountFailedServersAsDone_andNeverExceed100() {
        // GIVEN / WHEN / THEN a wave of 4 with 1 launched and 1 failed is half done; progress over 100 is capped
        assertThat(ProgressDisplay.percent(new ExecutionView.WaveView(0, "db", "IN_PROGRESS", 4, 1, 1, 0, null,
                null))).isEqualTo(50);
        assertThat(ProgressDisplay.percent(new ExecutionView.WaveView(0, "db", "COMPLETED", 4, 4, 0, 250, null,
                null))).isEqualTo(100);
        assertThat(ProgressDisplay.percent(new ExecutionView.WaveView(0, "db", "PENDING", 0, 0, 0, 0, null, null)))
                .isZero();
    }

    private String text() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static ExecutionView view(String status, Integer pausedBefore, String firstWave, int launched) {
        return new ExecutionView("1c8bc3d0-fab1", status, pausedBefore, null, null, null, List.of(
                new ExecutionView.WaveView(0, "db", firstWave, 2, launched, 0, 0, null, null),
                new ExecutionView.WaveView(1, "app", "PENDING", 3, 0, 0, 0, null, null),
                new ExecutionView.WaveView(2, "web", "PENDING", 5, 0, 0, 0, null, null)));
    }
}
