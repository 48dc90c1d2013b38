package dev.drsorchestrator.shared.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaveCompletionTest {

    @Test
    void isComplete_shouldBeTrue_whenJobFinishedAndEveryServerFinal() {
        // GIVEN a finished job whose servers are launched, failed or terminated
        List<String> states = List.of("LAUNCHED", "FAILED", "TERMINATED");

        // WHEN / THEN the wave is complete, whether the job completed or failed
        assertThat(WaveCompletion.isComplete("COMPLETED", states)).isTrue();
        assertThat(WaveCompletion.isComplete("FAILED", states)).isTrue();
    }

    @Test
    void isComplete_shouldBeFalse_whenJobStillRunning() {
        // GIVEN every server launched but the job not yet finished WHEN / THEN not complete
        assertThat(WaveCompletion.isComplete("STARTED", List.of("LAUNCHED"))).isFalse();
        assertThat(WaveCompletion.isComplete("PENDING", List.of())).isFalse();
        assertThat(WaveCompletion.isComplete(null, List.of("LAUNCHED"))).isFalse();
    }

    @Test
    void isComplete_shouldBeFalse_whenAServerIsNotFinal() {
        // GIVEN a finished job with a server still launching or unreported WHEN / THEN not complete
        assertThat(WaveCompletion.isComplete("COMPLETED", List.of("LAUNCHED", "IN_PROGRESS"))).isFalse();
        assertThat(WaveCompletion.isComplete("COMPLETED", Arrays.asList("LAUNCHED", null))).isFalse();
    }

    @Test
    void isComplete_shouldIgnoreCase_whenStatusWasNormalisedToLowerCase() {
        // GIVEN a job status lower-cased by the original's normalize_wave_status WHEN / THEN still recognised
        assertThat(WaveCompletion.isComplete("completed", List.of("launched"))).isTrue();
    }

    @Test
    void determine_shouldBeCompleted_whenEveryServerLaunched() {
        // GIVEN all servers launched WHEN decided
        WaveCompletion completion = WaveCompletion.determine("COMPLETED", List.of("LAUNCHED", "LAUNCHED"));

        // THEN the wave completed
        assertThat(completion).isEqualTo(new WaveCompletion.Finished(WaveStatus.COMPLETED, 2, 0, 2));
        assertThat(completion.complete()).isTrue();
    }

    @Test
    void determine_shouldBePartial_whenSomeLaunchedAndSomeFailed() {
        // GIVEN a mix WHEN decided THEN partial, with terminated counted as not launched
        assertThat(WaveCompletion.determine("FAILED", List.of("LAUNCHED", "FAILED", "TERMINATED")))
                .isEqualTo(new WaveCompletion.Finished(WaveStatus.PARTIAL, 1, 2, 3));
    }

    @Test
    void determine_shouldBeFailed_whenNoServerLaunched() {
        // GIVEN no launches WHEN decided THEN failed
        assertThat(WaveCompletion.determine("FAILED", List.of("FAILED", "FAILED")))
                .isEqualTo(new WaveCompletion.Finished(WaveStatus.FAILED, 0, 2, 2));
    }

    @Test
    void determine_shouldFollowJobVerdict_whenJobReportsNoServers() {
        // GIVEN finished jobs without participating servers WHEN decided THEN the job status decides
        assertThat(WaveCompletion.determine("COMPLETED", List.of()))
                .isEqualTo(new WaveCompletion.Finished(WaveStatus.COMPLETED, 0, 0, 0));
        assertThat(WaveCompletion.determine("FAILED", List.of()))
                .isEqualTo(new WaveCompletion.Finished(WaveStatus.FAILED, 0, 0, 0));
    }

    @Test
    void determine_shouldStayInProgress_whenOneOfSeveralJobsIsRunning() {
        // GIVEN a 150-server wave as two jobs, the second still running
        JobSnapshot done = new JobSnapshot("COMPLETED", List.of("LAUNCHED", "LAUNCHED"));
        JobSnapshot running = new JobSnapshot("STARTED", List.of("LAUNCHED", "IN_PROGRESS"));

        // WHEN decided
        WaveCompletion completion = WaveCompletion.determine(List.of(done, running));

        // THEN in progress, with counts over both jobs
        assertThat(completion).isEqualTo(new WaveCompletion.InProgress(3, 0, 4));
        assertThat(completion.progress()).isEqualTo(new WaveProgress(75.0, 1, 100.0));
    }

    @Test
    void determine_shouldCombineOutcomes_whenSeveralJobsFinished() {
        // GIVEN one job fully launched and one fully failed
        JobSnapshot launched = new JobSnapshot("COMPLETED", List.of("LAUNCHED"));
        JobSnapshot failed = new JobSnapshot("FAILED", List.of("FAILED"));

        // WHEN / THEN the wave as a whole is partial
        assertThat(WaveCompletion.determine(List.of(launched, failed)))
                .isEqualTo(new WaveCompletion.Finished(WaveStatus.PARTIAL, 1, 1, 2));
        assertThat(WaveCompletion.determine(List.of(launched, launched)))
                .isEqualTo(new WaveCompletion.Finished(WaveStatus.COMPLETED, 2, 0, 2));
    }

    @Test
    void determine_shouldThrow_whenWaveHasNoJobs() {
        // GIVEN no job at all (a programming error) WHEN / THEN refused
        assertThatThrownBy(() -> WaveCompletion.determine(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void finished_shouldRejectNonOutcomeStatus_whenConstructed() {
        // GIVEN a status that is not an outcome WHEN / THEN refused
        assertThatThrownBy(() -> new WaveCompletion.Finished(WaveStatus.CANCELLED, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jobSnapshot_shouldNotChange_whenCallerMutatesItsList() {
        // GIVEN a snapshot built from a mutable list
        List<String> states = new java.util.ArrayList<>(List.of("LAUNCHED"));
        JobSnapshot snapshot = new JobSnapshot("COMPLETED", states);

        // WHEN the caller changes the list
        states.add("FAILED");

        // THEN the snapshot is unaffected
        assertThat(snapshot.serverStates()).containsExactly("LAUNCHED");
    }
}
