package dev.drsorchestrator.execution;

import dev.drsorchestrator.shared.drs.DrsCapacity;
import dev.drsorchestrator.shared.drs.DrsJobPlanner;
import dev.drsorchestrator.shared.drs.DrsLimits;
import dev.drsorchestrator.shared.drs.JobPlan;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.DrsJob;
import dev.drsorchestrator.shared.rules.Violation;
import java.util.List;
import java.util.Optional;

/**
 * The DRS jobs in progress in one account and region, and whether a wave's jobs fit beside them (20 concurrent jobs,
 * 500 servers across active jobs). Checked at preflight for every wave and again when each wave starts, because DRS
 * state can have changed in the hours between the two.
 *
 * @param jobs    DRS jobs not yet COMPLETED
 * @param servers source servers in those jobs
 */
record WaveQuota(int jobs, int servers) {

    /** Reads the jobs in progress now. */
    static WaveQuota current(DrsGateway drs) {
        int jobs = 0;
        int servers = 0;
        for (DrsJob job : drs.describeJobs(List.of())) {
            if (!"COMPLETED".equals(job.status())) {
                jobs++;
                servers += job.participatingServers().size();
            }
        }
        return new WaveQuota(jobs, servers);
    }

    /** Why the wave's jobs would break a DRS quota beside these, or empty when they fit. */
    Optional<String> refusal(String waveName, List<String> serverIds, String region) {
        if (!(DrsJobPlanner.split(serverIds) instanceof JobPlan.Planned plan)) {
            return Optional.empty();
        }
        List<Violation> violations = DrsCapacity.check(jobs, servers, plan);
        if (violations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Wave '" + waveName + "' would exceed DRS quotas in " + region + ": "
                + String.join("; ", violations.stream().map(Violation::message).toList()) + " (limits: "
                + DrsLimits.MAX_CONCURRENT_JOBS + " concurrent jobs, " + DrsLimits.MAX_SERVERS_IN_ACTIVE_JOBS
                + " servers in active jobs)");
    }
}
