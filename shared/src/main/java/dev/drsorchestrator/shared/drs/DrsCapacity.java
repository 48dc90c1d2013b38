package dev.drsorchestrator.shared.drs;

import dev.drsorchestrator.shared.rules.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Checks, before a wave is started, that its jobs fit beside the DRS jobs already in progress in the same account and
 * region. Starting anyway would make DRS reject some of the jobs and leave the wave half-launched, so handlers refuse
 * (as a quota error) instead.
 */
public final class DrsCapacity {

    private DrsCapacity() {
    }

    /**
     * Compares the planned jobs with what is already running.
     *
     * @param activeJobs          DRS jobs in progress now
     * @param serversInActiveJobs source servers in those jobs
     * @param plan                the wave's planned jobs
     * @return violations of {@link DrsLimits#MAX_CONCURRENT_JOBS} and {@link DrsLimits#MAX_SERVERS_IN_ACTIVE_JOBS};
     *         empty when the wave fits
     */
    public static List<Violation> check(int activeJobs, int serversInActiveJobs, JobPlan.Planned plan) {
        Objects.requireNonNull(plan, "plan");
        if (activeJobs < 0 || serversInActiveJobs < 0) {
            throw new IllegalArgumentException("active job and server counts must not be negative");
        }
        List<Violation> violations = new ArrayList<>();
        int jobs = activeJobs + plan.jobs().size();
        if (jobs > DrsLimits.MAX_CONCURRENT_JOBS) {
            violations.add(new Violation("serverIds", "maxConcurrentJobs", "starting " + plan.jobs().size()
                    + " job(s) beside " + activeJobs + " in progress exceeds the DRS limit of "
                    + DrsLimits.MAX_CONCURRENT_JOBS + " concurrent jobs"));
        }
        long servers = (long) serversInActiveJobs + plan.serverCount();
        if (servers > DrsLimits.MAX_SERVERS_IN_ACTIVE_JOBS) {
            violations.add(new Violation("serverIds", "maxServersInActiveJobs", "starting " + plan.serverCount()
                    + " server(s) beside " + serversInActiveJobs + " in active jobs exceeds the DRS limit of "
                    + DrsLimits.MAX_SERVERS_IN_ACTIVE_JOBS + " servers across all active jobs"));
        }
        return List.copyOf(violations);
    }
}
