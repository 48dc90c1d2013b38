package dev.drsorchestrator.shared.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The state of one wave inside an execution. {@code pollSequence} increases with every status update the state
 * machine delivers; {@code ExecutionStore.updateWave} only accepts a higher one, so a late or duplicate delivery can
 * never move the wave backwards.
 *
 * @param waveNumber       position in the plan
 * @param waveName         display name
 * @param status           {@code execution/WaveStatus} wire name
 * @param statusMessage    human-readable detail
 * @param startTime        ISO-8601
 * @param endTime          ISO-8601
 * @param jobId            the first DRS job id (the wire field)
 * @param jobIds           every DRS job id (a wave of more than 100 servers has several)
 * @param serverIds        servers of the wave
 * @param serverExecutions per-server launch status
 * @param totalServers     number of servers
 * @param launchedCount    servers launched
 * @param failedCount      servers failed
 * @param progress         percent complete, 0..100
 * @param pollSequence     sequence number of the last accepted update (0 before any)
 * @param error            error details, kept as received
 */
public record WaveExecution(
        Integer waveNumber,
        String waveName,
        String status,
        String statusMessage,
        String startTime,
        String endTime,
        String jobId,
        List<String> jobIds,
        List<String> serverIds,
        List<ServerExecution> serverExecutions,
        Integer totalServers,
        Integer launchedCount,
        Integer failedCount,
        Integer progress,
        Long pollSequence,
        JsonNode error) {

    /** Copies the lists. */
    public WaveExecution {
        jobIds = Copies.list(jobIds);
        serverIds = Copies.list(serverIds);
        serverExecutions = Copies.list(serverExecutions);
    }

    /** This wave carrying another poll sequence. */
    public WaveExecution withPollSequence(long sequence) {
        return new WaveExecution(waveNumber, waveName, status, statusMessage, startTime, endTime, jobId, jobIds,
                serverIds, serverExecutions, totalServers, launchedCount, failedCount, progress, sequence, error);
    }
}
