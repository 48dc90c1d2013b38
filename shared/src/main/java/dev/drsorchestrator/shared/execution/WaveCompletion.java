package dev.drsorchestrator.shared.execution;

import java.util.List;
import java.util.Objects;

/**
 * Whether a wave has finished and how it ended, decided from what its DRS job(s) report. The read-only poll and the
 * persisting update both call this, so they can never disagree about a wave.
 *
 * <p>A job is finished when its status is {@code COMPLETED} or {@code FAILED} and every participating server is
 * {@code LAUNCHED}, {@code FAILED} or {@code TERMINATED} (the seed's {@code determine_wave_completion}, compared
 * case-insensitively). A wave is finished when all its jobs are. Its outcome is {@link WaveStatus#COMPLETED} when
 * every server launched, {@link WaveStatus#PARTIAL} when some launched and some did not, and
 * {@link WaveStatus#FAILED} when none launched; a wave whose jobs report no servers takes the jobs' verdict
 * (all {@code COMPLETED} gives COMPLETED, otherwise FAILED).
 */
public sealed interface WaveCompletion {

    /** Servers whose recovery instance launched. */
    int launchedCount();

    /** Servers that reached a final state without a running instance ({@code FAILED} or {@code TERMINATED}). */
    int failedCount();

    /** Servers reported by all jobs of the wave. */
    int totalCount();

    /** The progress numbers for these counts. */
    default WaveProgress progress() {
        return WaveProgress.calculate(launchedCount(), failedCount(), totalCount());
    }

    /** Whether the wave has finished. */
    default boolean complete() {
        return this instanceof Finished;
    }

    /**
     * At least one job or server is still running.
     *
     * @param launchedCount servers launched so far
     * @param failedCount   servers failed so far
     * @param totalCount    servers reported
     */
    record InProgress(int launchedCount, int failedCount, int totalCount) implements WaveCompletion {
    }

    /**
     * Every job and every server reached a final state.
     *
     * @param outcome       COMPLETED, PARTIAL or FAILED
     * @param launchedCount servers launched
     * @param failedCount   servers not launched
     * @param totalCount    servers reported
     */
    record Finished(WaveStatus outcome, int launchedCount, int failedCount, int totalCount)
            implements WaveCompletion {
        /** Only the three wave outcomes are allowed. */
        public Finished {
            Objects.requireNonNull(outcome, "outcome");
            if (outcome != WaveStatus.COMPLETED && outcome != WaveStatus.PARTIAL && outcome != WaveStatus.FAILED) {
                throw new IllegalArgumentException("a finished wave is COMPLETED, PARTIAL or FAILED, not " + outcome);
            }
        }
    }

    /**
     * The seed's {@code determine_wave_completion}: true when the job is {@code COMPLETED} or {@code FAILED} and every
     * server is {@code LAUNCHED}, {@code FAILED} or {@code TERMINATED}.
     */
    static boolean isComplete(String jobStatus, List<String> serverStates) {
        Objects.requireNonNull(serverStates, "serverStates");
        if (!CompletionRules.FINAL_JOB_STATUSES.contains(CompletionRules.upper(jobStatus))) {
            return false;
        }
        return serverStates.stream().allMatch(state -> CompletionRules.FINAL_SERVER_STATES.contains(CompletionRules.upper(state)));
    }

    /** Decides a wave that runs as one DRS job. */
    static WaveCompletion determine(String jobStatus, List<String> serverStates) {
        return determine(List.of(new JobSnapshot(jobStatus, serverStates)));
    }

    /**
     * Decides a wave that runs as one or several DRS jobs.
     *
     * @throws IllegalArgumentException if {@code jobs} is empty: a started wave always has a job
     */
    static WaveCompletion determine(List<JobSnapshot> jobs) {
        Objects.requireNonNull(jobs, "jobs");
        if (jobs.isEmpty()) {
            throw new IllegalArgumentException("a wave needs at least one DRS job to be judged");
        }
        int launched = 0;
        int failed = 0;
        int total = 0;
        boolean allComplete = true;
        boolean allJobsCompleted = true;
        for (JobSnapshot job : jobs) {
            Objects.requireNonNull(job, "job");
            allComplete &= isComplete(job.jobStatus(), job.serverStates());
            allJobsCompleted &= "COMPLETED".equals(CompletionRules.upper(job.jobStatus()));
            for (String state : job.serverStates()) {
                String upper = CompletionRules.upper(state);
                total++;
                if ("LAUNCHED".equals(upper)) {
                    launched++;
                } else if (CompletionRules.FINAL_SERVER_STATES.contains(upper)) {
                    failed++;
                }
            }
        }
        if (!allComplete) {
            return new InProgress(launched, failed, total);
        }
        return new Finished(CompletionRules.outcome(launched, total, allJobsCompleted), launched, failed, total);
    }
}
