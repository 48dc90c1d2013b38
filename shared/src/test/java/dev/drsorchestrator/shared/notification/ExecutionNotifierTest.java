package dev.drsorchestrator.shared.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecutionNotifierTest {

    private static ExecutionNotice paused() {
        return new ExecutionNotice(ExecutionEvent.EXECUTION_PAUSED, "Prod web", "plan-1", "exec-1", "DRILL", 1,
                "App tier", "Waiting for an operator before wave 2", List.of());
    }

    @Test
    void body_shouldNamePlanExecutionWaveAndHowToResume_whenTheExecutionPaused() {
        // GIVEN a pause notice WHEN its text is built
        String body = NoticeText.body(paused());
        String subject = NoticeText.subject(paused());

        // THEN it names plan, execution, wave and the resume and cancel routes
        assertThat(subject).isEqualTo("DRS Drill paused: Prod web");
        assertThat(body).contains("Prod web (plan-1)", "Execution: exec-1", "Wave:      2 (App tier)",
                "POST /executions/exec-1/resume", "POST /executions/exec-1/cancel");
    }

    @Test
    void body_shouldListFailedServersAndCutLongLists_whenAWaveFailed() {
        // GIVEN a wave failure with 25 failed servers
        List<String> failed = java.util.stream.IntStream.range(0, 25).mapToObj(i -> "s-" + i).toList();
        ExecutionNotice notice = new ExecutionNotice(ExecutionEvent.WAVE_FAILED, "Prod", "p", "e", "RECOVERY", 0,
                null, "0 of 25 server(s) launched", failed);

        // WHEN the text is built THEN the subject names the wave and the body lists 20 servers and the rest as a count
        assertThat(NoticeText.subject(notice)).isEqualTo("DRS Recovery wave failed: Prod wave 1");
        assertThat(NoticeText.body(notice)).contains("s-0, s-1", "s-19 and 5 more").doesNotContain("s-20");
    }

    @Test
    void body_shouldSayJobsMayStillLaunchAndHowToCleanUp_whenTheExecutionFailedMidWave() {
        // GIVEN a failure notice with a DRS job left launching
        ExecutionNotice notice = new ExecutionNotice(ExecutionEvent.EXECUTION_FAILED, "Prod", "p", "e-1", "DRILL",
                null, null, "State machine error X", List.of(), List.of("drsjob-0123"));

        // WHEN its text is built THEN it names the job, says it may still launch, and how to find and remove them
        assertThat(NoticeText.body(notice)).contains("drsjob-0123", "may still launch recovery instances",
                "GET /executions/e-1/recovery-instances", "POST /executions/e-1/terminate-instances");
        assertThat(NoticeText.body(paused())).doesNotContain("still running when the execution ended");
    }

    @Test
    void notify_shouldOnlyLogAndReportFalse_whenNoTopicIsConfigured() {
        // GIVEN a notifier without a topic WHEN it is asked to notify THEN nothing is sent and nothing is thrown
        assertThat(new ExecutionNotifier(Optional.empty(), Optional.empty()).notify(paused())).isFalse();
        assertThat(new ExecutionNotifier(Optional.empty(), Optional.of(" ")).notify(paused())).isFalse();
    }
}
