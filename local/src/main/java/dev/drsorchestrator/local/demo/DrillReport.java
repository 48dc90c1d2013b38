package dev.drsorchestrator.local.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of the guided drill, measured from the execution's own timestamps: per wave the servers launched and
 * failed and how long it ran, and the plan's RTO = execution start to last wave complete, minus the time the plan
 * waited at its approval pause (from the end of the wave before the pause to the start of the wave after it). It also
 * records the evidence that the pause held (the paused wave started only after the resume was sent) and the cleanup.
 *
 * @param planName            the plan that ran
 * @param executionId         the execution
 * @param status              final execution status
 * @param waves               every wave, in order
 * @param executionSpan       execution start to last wave complete, pause included
 * @param pausedFor           time spent waiting at the pause
 * @param rto                 {@code executionSpan - pausedFor}
 * @param pausedBeforeWave    the wave (from 1) the execution paused before
 * @param resumeRequestedAt   when the demo sent the resume
 * @param pauseHonoured       whether the paused wave started only after {@code resumeRequestedAt}
 * @param instancesTerminated recovery instances the terminate call reported terminated
 * @param instancesLeft       recovery instances DRS still reported after the wait (0 when cleanup finished)
 */
public record DrillReport(String planName, String executionId, String status, List<WaveResult> waves,
                          Duration executionSpan, Duration pausedFor, Duration rto, int pausedBeforeWave,
                          Instant resumeRequestedAt, boolean pauseHonoured, int instancesTerminated,
                          int instancesLeft) {

    /** Copies the waves. */
    public DrillReport {
        waves = List.copyOf(waves);
    }

    /** Servers launched over all waves. */
    public int launched() {
        return waves.stream().mapToInt(WaveResult::launched).sum();
    }

    /** Servers that failed to launch over all waves. */
    public int failed() {
        return waves.stream().mapToInt(WaveResult::failed).sum();
    }

    /** Servers in the plan. */
    public int servers() {
        return waves.stream().mapToInt(WaveResult::servers).sum();
    }

    /** This report with the cleanup's numbers. */
    DrillReport withCleanup(int terminated, int left) {
        return new DrillReport(planName, executionId, status, waves, executionSpan, pausedFor, rto, pausedBeforeWave,
                resumeRequestedAt, pauseHonoured, terminated, left);
    }

    /**
     * Measures a finished execution that paused before wave {@code pausedWave} (from 0) and was resumed at
     * {@code resumeRequestedAt}; cleanup numbers start at zero.
     */
    static DrillReport measure(String planName, ExecutionView done, int pausedWave, Instant resumeRequestedAt) {
        List<ExecutionView.WaveView> views = done.waves();
        if (done.startTime() == null || views.isEmpty()) {
            throw new DemoException("execution " + done.executionId() + " recorded no start time or no waves");
        }
        List<WaveResult> waves = new ArrayList<>();
        for (ExecutionView.WaveView w : views) {
            if (w.start() == null || w.end() == null) {
                throw new DemoException("wave " + (w.number() + 1) + " '" + w.name() + "' of execution "
                        + done.executionId() + " has no start or end time (status " + w.status() + ")");
            }
            waves.add(new WaveResult(w.number() + 1, w.name(), w.status(), w.total(), w.launched(), w.failed(),
                    w.start(), w.end(), Duration.between(w.start(), w.end())));
        }
        Instant lastEnd = waves.stream().map(WaveResult::ended).max(Instant::compareTo).orElseThrow();
        Instant beforePause = pausedWave == 0 ? done.startTime() : waves.get(pausedWave - 1).ended();
        Instant pausedStart = waves.get(pausedWave).started();
        Duration span = Duration.between(done.startTime(), lastEnd);
        Duration paused = Duration.between(beforePause, pausedStart);
        boolean honoured = !pausedStart.isBefore(resumeRequestedAt);
        return new DrillReport(planName, done.executionId(), done.status(), waves, span, paused, span.minus(paused),
                pausedWave + 1, resumeRequestedAt, honoured, 0, 0);
    }
}
