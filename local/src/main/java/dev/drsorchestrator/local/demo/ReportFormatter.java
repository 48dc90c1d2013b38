package dev.drsorchestrator.local.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The drill report as console lines: a table of waves, the RTO with what it measures, and the cleanup. */
final class ReportFormatter {
    private ReportFormatter() {
    }

    static List<String> lines(DrillReport report) {
        List<String> out = new ArrayList<>();
        out.add("Drill report: plan " + report.planName() + ", execution " + report.executionId() + ", "
                + report.status());
        out.add(String.format(Locale.ROOT, "  %-4s %-10s %-10s %7s %8s %6s %9s", "wave", "name", "status", "servers",
                "launched", "failed", "duration"));
        for (WaveResult wave : report.waves()) {
            out.add(String.format(Locale.ROOT, "  %-4d %-10s %-10s %7d %8d %6d %9s%s", wave.number(), wave.name(),
                    wave.status(), wave.servers(), wave.launched(), wave.failed(), seconds(wave.duration()),
                    wave.number() == report.pausedBeforeWave() ? "  (after the approval pause)" : ""));
        }
        out.add(String.format(Locale.ROOT, "  %-4s %-10s %-10s %7d %8d %6d", "all", "", "", report.servers(),
                report.launched(), report.failed()));
        out.add("  RTO " + seconds(report.rto()) + ": execution start to last wave complete ("
                + seconds(report.executionSpan()) + ") minus " + seconds(report.pausedFor())
                + " waiting at the pause before wave " + report.pausedBeforeWave()
                + " (from the execution's own timestamps; simulated DRS jobs run on the scaled clock)");
        out.add("  pause: wave " + report.pausedBeforeWave() + (report.pauseHonoured()
                ? " started only after the resume was sent" : " started BEFORE the resume was sent"));
        out.add("  cleanup: " + report.instancesTerminated() + " drill instance(s) terminated, "
                + report.instancesLeft() + " left in DRS");
        return out;
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2fs", duration.toMillis() / 1000.0);
    }
}
