package dev.drsorchestrator.local.sim.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A DRS job (LAUNCH or TERMINATE) as it stands at the fleet's current simulated time. */
public record Job(String jobId, String accountId, String region, String type, String initiatedBy, Instant createdAt,
                  Instant endedAt, String status, List<Participant> participants, Map<String, String> tags,
                  List<JobLogItem> log) {
    public Job {
        participants = List.copyOf(participants);
        tags = Map.copyOf(tags == null ? Map.of() : tags);
        log = List.copyOf(log);
    }

    /** The job's ARN. */
    public String arn() {
        return "arn:aws:drs:" + region + ":" + accountId + ":job/" + jobId;
    }

    /** True until the job has completed. */
    public boolean active() {
        return !"COMPLETED".equals(status);
    }
}
