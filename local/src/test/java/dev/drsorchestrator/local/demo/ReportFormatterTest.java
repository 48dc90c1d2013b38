package dev.drsorchestrator.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportFormatterTest {

    @Test
    void lines_shouldShowEveryWaveTheRtoDefinitionAndTheCleanup_whenTheDrillCompleted() {
        // GIVEN the measured report of a completed drill whose 10 instances were terminated
        DrillReport report = DrillReport.measure("demo-drill-abc", DrillReportTest.completed(), 2,
                DrillReportTest.at(19)).withCleanup(10, 0);

        // WHEN it is formatted
        List<String> lines = ReportFormatter.lines(report);

        // THEN one row per wave with servers, launched, failed and duration, the pause marked on wave 3
        assertThat(lines.get(0)).isEqualTo("Drill report: plan demo-drill-abc, execution "
                + "1c8bc3d0-fab1-4d0c-af86-9caaeb7a6211, COMPLETED");
        assertThat(lines.get(1)).isEqualTo("  wave name       status     servers launched failed  duration");
        assertThat(lines.get(2)).isEqualTo("  1    db         COMPLETED        2        2      0     5.00s");
        assertThat(lines.get(3)).isEqualTo("  2    app        COMPLETED        3        3      0     4.00s");
        assertThat(lines.get(4)).isEqualTo("  3    web        COMPLETED        5        5      0     3.00s"
                + "  (after the approval pause)");
        assertThat(lines.get(5)).isEqualTo("  all                             10       10      0");
        // AND the RTO says what it measures, the pause evidence and the cleanup follow
        assertThat(lines.get(6)).startsWith("  RTO 13.00s: execution start to last wave complete (23.00s) minus "
                + "10.00s waiting at the pause before wave 3");
        assertThat(lines.get(7)).isEqualTo("  pause: wave 3 started only after the resume was sent");
        assertThat(lines.get(8)).isEqualTo("  cleanup: 10 drill instance(s) terminated, 0 left in DRS");
        assertThat(lines).hasSize(9);
    }

    @Test
    void lines_shouldFlagTheBrokenPause_whenTheWaveStartedBeforeTheResume() {
        // GIVEN a report whose paused wave started before the resume
        DrillReport report = DrillReport.measure("p", DrillReportTest.completed(), 2, DrillReportTest.at(22));

        // WHEN / THEN the pause line says so in capitals
        assertThat(ReportFormatter.lines(report)).contains("  pause: wave 3 started BEFORE the resume was sent");
    }
}
