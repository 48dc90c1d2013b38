package dev.drsorchestrator.shared.drs;

import dev.drsorchestrator.shared.rules.Violation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/** How a wave's servers will be started: as a list of DRS jobs, or refused with the reasons. */
public sealed interface JobPlan {

    /**
     * The wave fits the quotas; each inner list is the server ids of one StartRecovery job, in wave order.
     *
     * @param jobs the jobs, each of at most {@link DrsLimits#MAX_SERVERS_PER_JOB} servers; empty for an empty wave
     */
    record Planned(List<List<String>> jobs) implements JobPlan {
        /** Deep-copies the jobs so the plan cannot change after it was checked. */
        public Planned {
            Objects.requireNonNull(jobs, "jobs");
            List<List<String>> copy = new ArrayList<>(jobs.size());
            for (List<String> job : jobs) {
                copy.add(List.copyOf(job));
            }
            jobs = Collections.unmodifiableList(copy);
        }

        /** Servers across all jobs. */
        public int serverCount() {
            return jobs.stream().mapToInt(List::size).sum();
        }
    }

    /**
     * The wave cannot be started as given.
     *
     * @param violations why, each naming the {@code serverIds} field
     */
    record Rejected(List<Violation> violations) implements JobPlan {
        /** A rejection always has at least one reason. */
        public Rejected {
            violations = List.copyOf(violations);
            if (violations.isEmpty()) {
                throw new IllegalArgumentException("a rejected plan needs at least one violation");
            }
        }
    }
}
