package dev.drsorchestrator.shared.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One drill or recovery of a recovery plan: key {@code executionId} + {@code planId}; {@code status} and
 * {@code startTime} (ISO-8601, so it sorts as text) are the keys of {@code StatusIndex} and {@code PlanIndex}.
 * Status changes go through {@code ExecutionStore.transition}, wave changes through {@code updateWave}.
 *
 * @param executionId      key
 * @param planId           sort key
 * @param planName         plan name at start
 * @param executionType    DRILL or RECOVERY
 * @param status           {@code execution/ExecutionStatus} wire name
 * @param startTime        ISO-8601
 * @param endTime          ISO-8601
 * @param currentWave      wave number being run
 * @param totalWaves       number of waves
 * @param waves            per-wave state, in wave order
 * @param serverIds        every server of the execution (claimed with {@code exec-server#})
 * @param initiatedBy      the user or principal who started it
 * @param accountId        target account
 * @param stateMachineExecutionArn the Step Functions execution
 * @param taskToken        the Step Functions task token while paused
 * @param pausedBeforeWave the wave it is paused before
 * @param errorMessage     failure detail
 * @param metadata         free-form details, kept as sent
 * @param version          incremented by every store write
 */
public record Execution(
        String executionId,
        String planId,
        String planName,
        String executionType,
        String status,
        String startTime,
        String endTime,
        Integer currentWave,
        Integer totalWaves,
        List<WaveExecution> waves,
        List<String> serverIds,
        String initiatedBy,
        String accountId,
        String stateMachineExecutionArn,
        String taskToken,
        Integer pausedBeforeWave,
        String errorMessage,
        JsonNode metadata,
        Long version) {

    /** Copies the lists. */
    public Execution {
        waves = Copies.list(waves);
        serverIds = Copies.list(serverIds);
    }

    /** The wave with that number, if present. */
    public java.util.Optional<WaveExecution> wave(int waveNumber) {
        if (waves == null) {
            return java.util.Optional.empty();
        }
        return waves.stream().filter(w -> w.waveNumber() != null && w.waveNumber() == waveNumber).findFirst();
    }

    /** This execution with another version. */
    public Execution withVersion(long newVersion) {
        return new Execution(executionId, planId, planName, executionType, status, startTime, endTime, currentWave,
                totalWaves, waves, serverIds, initiatedBy, accountId, stateMachineExecutionArn, taskToken,
                pausedBeforeWave, errorMessage, metadata, newVersion);
    }
}
