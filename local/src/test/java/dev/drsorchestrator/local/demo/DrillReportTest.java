package dev.drsorchestrator.local.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DrillReportTest {
    static final Instant T0 = Instant.parse("2026-11-22T05:00:00Z");

    /** A completed 3-wave execution: waves of 5, 4 and 3 s, a 10 s pause between wave 2 and wave 3. */
    static ExecutionView completed() {
        return new ExecutionView("1c8bc3d0-fab1-4d0c-af86-9caaeb7a6211", "COMPLETED", null, T0, at(23), null,
                List.of(wave(0, "db", 2, at(1), at(6)), wave(1, "app", 3, at(6), at(10)),
                        wave(2, "web", 5, at(20), at(23))));
    }

    @Test
    void measure_shouldExcludeTheTimeWaitingAtThePause_whenComputingTheRto() {
        // GIVEN the completed execution, resumed at t=19.5 s, that paused before wave 3 (index 2)
        // WHEN it is measured
        DrillReport report = DrillReport.measure("demo-drill-abc", completed(), 2, at(19).plusMillis(500));

        // THEN the span is start to last wave end, the pause is wave 2's end to wave 3's start, RTO the difference
        assertThat(report.executionSpan()).isEqualTo(Duration.ofSeconds(23));
        assertThat(report.pausedFor()).isEqualTo(Duration.ofSeconds(10));
        assertThat(report.rto()).isEqualTo(Duration.ofSeconds(13));
        assertThat(report.waves()).extracting(WaveResult::duration)
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(4), Duration.ofSeconds(3));
        assertThat(report.launched()).isEqualTo(10);
        assertThat(report.servers()).isEqualTo(10);
        assertThat(report.pausedBeforeWave()).isEqualTo(3);
        assertThat(report.pauseHonoured()).isTrue();
    }

    @Test
    void measure_shouldReportThePauseBroken_whenThePausedWaveStartedBeforeTheResume() {
        // GIVEN / WHEN the resume was sent only after wave 3 had started (t=21 s)
        DrillReport report = DrillReport.measure("demo-drill-abc", completed(), 2, at(21));

        // THEN the report says the pause did not hold
        assertThat(report.pauseHonoured()).isFalse();
    }

    @Test
    void measure_shouldNameTheWave_whenAWaveHasNoEndTime() {
        // GIVEN an execution whose second wave never recorded its end
        ExecutionView broken = new ExecutionView("e-1", "FAILED", null, T0, at(9), "boom",
                List.of(wave(0, "db", 2, at(1), at(6)), wave(1, "app", 3, at(6), null)));

        // WHEN / THEN measuring fails with the wave named
        assertThatThrownBy(() -> DrillReport.measure("p", broken, 1, at(7)))
                .isInstanceOf(DemoException.class).hasMessageContaining("wave 2 'app'");
    }

    static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    static ExecutionView.WaveView wave(int number, String name, int servers, Instant start, Instant end) {
        return new ExecutionView.WaveView(number, name, "COMPLETED", servers, servers, 0, 100, start, end);
    }
}
