package dev.drsorchestrator.shared.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class WaveCompletionPropertiesTest {

    @Provide
    Arbitrary<List<JobSnapshot>> jobs() {
        Arbitrary<String> jobStatus = Arbitraries.of("PENDING", "STARTED", "COMPLETED", "FAILED");
        Arbitrary<List<String>> servers = Arbitraries.of("PENDING", "IN_PROGRESS", "LAUNCHED", "FAILED", "TERMINATED")
                .list().ofMaxSize(120);
        return Combinators.combine(jobStatus, servers).as(JobSnapshot::new).list().ofMinSize(1).ofMaxSize(5);
    }

    @Property
    void determine_shouldAgreeWithCountsAndTheSeedCheck_whenGivenAnyJobs(@ForAll("jobs") List<JobSnapshot> jobs) {
        // GIVEN any mix of DRS job and server states WHEN the wave is judged
        WaveCompletion completion = WaveCompletion.determine(jobs);

        // THEN it is finished exactly when every job passes the seed's check
        boolean everyJobDone = jobs.stream().allMatch(job -> WaveCompletion.isComplete(job.jobStatus(),
                job.serverStates()));
        assertThat(completion.complete()).isEqualTo(everyJobDone);
        assertThat(completion.totalCount()).isEqualTo(jobs.stream().mapToInt(job -> job.serverStates().size()).sum());
        assertThat(completion.progress().remainingCount())
                .isEqualTo(completion.totalCount() - completion.launchedCount() - completion.failedCount());

        // AND a finished wave accounts for every server and follows the outcome rule
        if (completion instanceof WaveCompletion.Finished finished) {
            assertThat(finished.launchedCount() + finished.failedCount()).isEqualTo(finished.totalCount());
            if (finished.totalCount() > 0) {
                WaveStatus expected = finished.launchedCount() == finished.totalCount() ? WaveStatus.COMPLETED
                        : finished.launchedCount() == 0 ? WaveStatus.FAILED : WaveStatus.PARTIAL;
                assertThat(finished.outcome()).isEqualTo(expected);
            }
        }
    }
}
