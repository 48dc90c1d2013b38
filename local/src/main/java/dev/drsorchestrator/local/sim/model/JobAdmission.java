package dev.drsorchestrator.local.sim.model;

import dev.drsorchestrator.local.sim.model.FleetException.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DRS's rules for accepting a new job, checked before the {@link JobEngine} launches it: the per-job, concurrent-job
 * and servers-in-active-jobs quotas, and one active job per source server or recovery instance. A refused job throws
 * the {@link FleetException} DRS's error would carry, and changes nothing. Used only while holding the fleet's lock.
 */
final class JobAdmission {
    private JobAdmission() {
    }

    /** Whether StartRecovery may launch a job for {@code serverIds} in this account and region. */
    static void admitRecovery(FleetState state, String accountId, String region, List<String> serverIds) {
        if (serverIds.size() > Quotas.MAX_SERVERS_PER_JOB) {
            throw new FleetException(Kind.QUOTA, "A job can include at most " + Quotas.MAX_SERVERS_PER_JOB
                    + " source servers, got " + serverIds.size(), null, "JOB", "MaxServersPerJob");
        }
        if (new HashSet<>(serverIds).size() != serverIds.size()) {
            throw new FleetException(Kind.VALIDATION, "sourceServers contains duplicate source server ids",
                    null, "SOURCE_SERVER", null);
        }
        for (String id : serverIds) {
            state.sourceServerIn(accountId, region, id);
        }
        List<Job> active = admitAnotherJob(state, accountId, region);
        Set<String> busy = new HashSet<>();
        active.forEach(j -> j.participants().forEach(p -> busy.add(p.sourceServerId())));
        for (String id : serverIds) {
            if (busy.contains(id)) {
                throw new FleetException(Kind.CONFLICT, "Source server " + id
                        + " is already part of an active job", id, "SOURCE_SERVER", null);
            }
        }
        if (busy.size() + serverIds.size() > Quotas.MAX_SERVERS_IN_ACTIVE_JOBS) {
            throw new FleetException(Kind.QUOTA, "At most " + Quotas.MAX_SERVERS_IN_ACTIVE_JOBS
                    + " source servers can be in active jobs at the same time", null, "JOB",
                    "MaxServersInAllJobs");
        }
    }

    /** Whether TerminateRecoveryInstances may launch a job for {@code recoveryInstanceIds}. */
    static void admitTermination(FleetState state, String accountId, String region,
                                 List<String> recoveryInstanceIds) {
        for (String id : recoveryInstanceIds) {
            RecoveryInstance instance = state.recoveryInstances.get(id);
            if (instance == null || !instance.accountId().equals(accountId) || !instance.region().equals(region)) {
                throw new FleetException(Kind.NOT_FOUND, "Recovery instance " + id + " not found", id,
                        "RECOVERY_INSTANCE", null);
            }
        }
        for (Job job : admitAnotherJob(state, accountId, region)) {
            for (Participant p : job.participants()) {
                if (p.recoveryInstanceId() != null && recoveryInstanceIds.contains(p.recoveryInstanceId())) {
                    throw new FleetException(Kind.CONFLICT, "Recovery instance " + p.recoveryInstanceId()
                            + " is already part of an active job", p.recoveryInstanceId(), "RECOVERY_INSTANCE",
                            null);
                }
            }
        }
    }

    /** The active jobs of the account and region, after checking that one more may run beside them. */
    private static List<Job> admitAnotherJob(FleetState state, String accountId, String region) {
        List<Job> active = state.jobs.values().stream().filter(Job::active)
                .filter(j -> j.accountId().equals(accountId) && j.region().equals(region)).toList();
        if (active.size() >= Quotas.MAX_CONCURRENT_JOBS) {
            throw new FleetException(Kind.QUOTA, "At most " + Quotas.MAX_CONCURRENT_JOBS
                    + " jobs can run at the same time", null, "JOB", "MaxConcurrentJobs");
        }
        return active;
    }
}
