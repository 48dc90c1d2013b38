package dev.drsorchestrator.shared.gateway;

import java.util.List;
import java.util.Map;

/**
 * A DRS job as the orchestrator tracks it: what it does, how far it got, and each server's launch status and
 * recovery instance. Times are the ISO-8601 strings DRS reports.
 *
 * @param jobId                DRS job id ({@code drsjob-...})
 * @param type                 LAUNCH, TERMINATE or CREATE_CONVERTED_SNAPSHOT
 * @param status               PENDING, STARTED or COMPLETED
 * @param initiatedBy          START_RECOVERY, START_DRILL, TERMINATE_RECOVERY_INSTANCES, ...
 * @param creationDateTime     when DRS created the job
 * @param endDateTime          when it completed; null while running
 * @param participatingServers one entry per server in the job
 * @param tags                 the job's tags
 */
public record DrsJob(String jobId, String type, String status, String initiatedBy, String creationDateTime,
                     String endDateTime, List<ParticipatingServer> participatingServers, Map<String, String> tags) {
    public DrsJob {
        participatingServers = participatingServers == null ? List.of() : List.copyOf(participatingServers);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    /**
     * One server of a job.
     *
     * @param sourceServerID     the DRS source server id (spelled as the contract spells it)
     * @param launchStatus       PENDING, IN_PROGRESS, LAUNCHED, FAILED, TERMINATED
     * @param recoveryInstanceID the recovery instance once launched, else null
     */
    public record ParticipatingServer(String sourceServerID, String launchStatus, String recoveryInstanceID) {
    }
}
