package dev.drsorchestrator.shared.drs;

import dev.drsorchestrator.shared.rules.Violation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Splits a wave's servers into DRS jobs that respect the per-job quota. Jobs are balanced (sizes differ by at most
 * one) and keep the wave's order, so 250 servers become jobs of 84, 83 and 83 rather than 100, 100 and 50: the jobs
 * finish at about the same time and a retry plan is reproducible.
 *
 * <p>Example: {@code DrsJobPlanner.split(List.of("s-1", "s-2"))} is {@code Planned([["s-1", "s-2"]])}.
 */
public final class DrsJobPlanner {

    private static final String FIELD = "serverIds";

    private DrsJobPlanner() {
    }

    /**
     * Plans the jobs for one wave.
     *
     * @param serverIds the wave's DRS source server ids, in wave order
     * @return the jobs, or a rejection when the wave exceeds {@link DrsLimits#MAX_SERVERS_PER_WAVE}, repeats a server
     *         (a server can be in one job at a time) or contains a blank id
     */
    public static JobPlan split(List<String> serverIds) {
        Objects.requireNonNull(serverIds, "serverIds");
        List<Violation> violations = new ArrayList<>();
        if (serverIds.size() > DrsLimits.MAX_SERVERS_PER_WAVE) {
            violations.add(new Violation(FIELD, "maxServersPerWave", "a wave can start at most "
                    + DrsLimits.MAX_SERVERS_PER_WAVE + " servers (DRS limit on servers in all active jobs), got "
                    + serverIds.size()));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < serverIds.size(); i++) {
            String id = serverIds.get(i);
            if (id == null || id.isBlank()) {
                violations.add(new Violation(FIELD + "[" + i + "]", "required", "server id must not be blank"));
            } else if (!seen.add(id)) {
                violations.add(new Violation(FIELD + "[" + i + "]", "unique",
                        "server " + id + " appears more than once; DRS runs a server in one job at a time"));
            }
        }
        if (!violations.isEmpty()) {
            return new JobPlan.Rejected(violations);
        }
        return new JobPlan.Planned(balancedChunks(serverIds));
    }

    private static List<List<String>> balancedChunks(List<String> serverIds) {
        int total = serverIds.size();
        int jobCount = (total + DrsLimits.MAX_SERVERS_PER_JOB - 1) / DrsLimits.MAX_SERVERS_PER_JOB;
        List<List<String>> jobs = new ArrayList<>(jobCount);
        int start = 0;
        for (int job = 0; job < jobCount; job++) {
            int size = total / jobCount + (job < total % jobCount ? 1 : 0);
            jobs.add(serverIds.subList(start, start + size));
            start += size;
        }
        return jobs;
    }
}
