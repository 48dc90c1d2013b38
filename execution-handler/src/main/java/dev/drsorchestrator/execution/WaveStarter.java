package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.drs.DrsJobPlanner;
import dev.drsorchestrator.shared.drs.JobPlan;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.execution.WaveStatus;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.DrsJob;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.ServerExecution;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.shared.notification.ExecutionEvent;
import dev.drsorchestrator.shared.store.WaveUpdate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code start_wave_recovery}: starts one wave as DRS StartRecovery jobs of at most 100 servers (drill or recovery).
 * Each started job is written to the wave before the next is requested, with the job's ordinal as poll sequence, so
 * a retried delivery resumes after the last stored job instead of launching servers twice.
 */
final class WaveStarter {
    private static final Logger LOG = LoggerFactory.getLogger(WaveStarter.class);

    private final ExecutionServices services;
    private final Transitions transitions;

    WaveStarter(ExecutionServices services) {
        this.services = services;
        this.transitions = new Transitions(services);
    }

    Object start(OperationRequest request) {
        ObjectNode body = request.bodyObject();
        JsonNode state = body.get("state");
        if (state == null || !state.isObject()) {
            throw new ValidationException("Field 'state' is required and must be "
                    + "an object");
        }
        int waveNumber = WaveTasks.waveNumber(body, state);
        Execution execution = services.executions().require(WaveState.text(state, "executionId"),
                WaveState.text(state, "planId"));
        return startWave(execution, waveNumber);
    }

    /**
     * {@code resume_wave}: the task after an approval pause. Starts the wave the execution paused before (or the
     * {@code waveNumber} given) once an operator resumed it; answers PAUSE while it is still paused and FINALIZE
     * once it was cancelled or ended. Resuming itself is {@code resume_execution}; this never resumes on its own.
     */
    Object resumeWave(OperationRequest request) {
        ObjectNode body = request.bodyObject();
        Execution execution = services.executions().require(WaveState.text(body, "executionId"),
                WaveState.text(body, "planId"));
        int waveNumber;
        if (body.has("waveNumber") || body.has("wave_number")) {
            waveNumber = WaveTasks.waveNumber(body, null);
        } else if (execution.pausedBeforeWave() != null) {
            waveNumber = execution.pausedBeforeWave();
        } else {
            waveNumber = execution.currentWave() == null ? 0 : execution.currentWave();
        }
        return startWave(execution, waveNumber);
    }

    private ObjectNode startWave(Execution stored, int waveNumber) {
        Execution execution = stored;
        int poll = services.settings().pollSeconds();
        ExecutionStatus status = Transitions.status(execution);
        if (status == ExecutionStatus.CANCELLING || status.isTerminal()) {
            return WaveState.of(execution, waveNumber, WaveState.FINALIZE, 0, poll);
        }
        if (status == ExecutionStatus.PAUSED) {
            return WaveState.of(execution, waveNumber, WaveState.PAUSE, 0, poll);
        }
        WaveExecution wave = execution.wave(waveNumber).orElseThrow(() ->
                new NotFoundException("Wave " + waveNumber + " of execution " + stored.executionId()
                        + " not found"));
        if (status == ExecutionStatus.PENDING) {
            execution = transitions.move(execution, ExecutionStatus.RUNNING);
        }
        execution = services.executions().annotate(execution.executionId(), execution.planId(), waveNumber, null,
                null);
        return launch(execution, wave, poll);
    }

    private ObjectNode launch(Execution execution, WaveExecution wave, int poll) {
        int waveNumber = wave.waveNumber();
        JobPlan plan = DrsJobPlanner.split(wave.serverIds());
        List<List<String>> jobs = plan instanceof JobPlan.Planned planned ? planned.jobs() : List.of();
        long done = wave.jobIds() == null ? 0 : wave.jobIds().size();
        if (WaveStatus.normalize(wave.status()).map(WaveStatus::isTerminal).orElse(false)) {
            return WaveState.of(execution, waveNumber, WaveState.POLL, stored(wave), poll);
        }
        DrsGateway drs = services.drs(execution.accountId(), roleName(execution), WaveState.regionOf(wave));
        if (done == 0) {
            Optional<String> refusal = WaveQuota.current(drs).refusal(wave.waveName(), wave.serverIds(),
                    drs.region());
            if (refusal.isPresent()) {
                return overQuota(execution, wave, refusal.get(), poll);
            }
        }
        boolean drill = "DRILL".equals(execution.executionType());
        for (int i = (int) done; i < jobs.size(); i++) {
            List<String> servers = jobs.get(i);
            DrsJob job;
            try {
                job = drs.startRecovery(servers, drill, Map.of("DRSOrchestratorExecutionId", execution.executionId(),
                        "DRSOrchestratorWave", Integer.toString(waveNumber)));
            } catch (AwsCallFailure failure) {
                if (failure.retryable()) {
                    throw failure;
                }
                return refused(execution, wave, failure, i + 1L, poll);
            }
            long sequence = i + 1L;
            String now = services.clock().instant().toString();
            WaveUpdate update = services.executions().updateWave(execution.executionId(), execution.planId(),
                    waveNumber, sequence, w -> started(w, job, servers, now));
            execution = update.execution();
            LOG.info("Execution {} wave {}: DRS job {} started for {} server(s) ({})", execution.executionId(),
                    waveNumber, job.jobId(), servers.size(), drill ? "drill" : "recovery");
        }
        WaveExecution stored = execution.wave(waveNumber).orElse(wave);
        return WaveState.of(execution, waveNumber, WaveState.POLL, stored(stored), poll);
    }

    private static long stored(WaveExecution wave) {
        return wave.pollSequence() == null ? 0 : wave.pollSequence();
    }

    private static WaveExecution started(WaveExecution w, DrsJob job, List<String> servers, String now) {
        List<String> jobIds = new ArrayList<>(w.jobIds() == null ? List.of() : w.jobIds());
        jobIds.add(job.jobId());
        List<ServerExecution> serverExecutions = new ArrayList<>();
        for (ServerExecution s : w.serverExecutions()) {
            serverExecutions.add(servers.contains(s.serverId()) ? new ServerExecution(s.serverId(), s.serverName(),
                    s.hostname(), s.region(), s.sourceInstanceId(), s.sourceAccountId(), s.sourceIp(),
                    s.sourceRegion(), "STARTED", "PENDING", job.jobId(), null, null, null, null, now, null, null,
                    null) : s);
        }
        return new WaveExecution(w.waveNumber(), w.waveName(), WaveStatus.INITIATED.wireName(),
                "DRS job(s) " + String.join(", ", jobIds) + " started", w.startTime() == null ? now : w.startTime(),
                null, jobIds.get(0), jobIds, w.serverIds(), serverExecutions, w.totalServers(), 0, 0, 0,
                w.pollSequence(), null);
    }

    private ObjectNode refused(Execution execution, WaveExecution wave, AwsCallFailure failure, long sequence,
            int poll) {
        String message = "DRS refused StartRecovery: " + failure.errorCode();
        LOG.warn("Execution {} wave {}: {}", execution.executionId(), wave.waveNumber(), message);
        String now = services.clock().instant().toString();
        ObjectNode error = Json.mapper().createObjectNode().put("errorCode", failure.errorCode())
                .put("errorType", failure.errorType().wireName());
        WaveUpdate update = services.executions().updateWave(execution.executionId(), execution.planId(),
                wave.waveNumber(), sequence, w -> new WaveExecution(w.waveNumber(), w.waveName(),
                        WaveStatus.FAILED.wireName(), message, w.startTime() == null ? now : w.startTime(), now,
                        w.jobId(), w.jobIds(), w.serverIds(), w.serverExecutions(), w.totalServers(),
                        w.launchedCount(), w.totalServers(), w.progress(), w.pollSequence(), error));
        Execution after = update.execution();
        if (update instanceof WaveUpdate.Applied) {
            transitions.notify(after, ExecutionEvent.WAVE_FAILED, wave.waveNumber(), message, wave.serverIds());
        }
        return WaveState.of(after, wave.waveNumber(), WaveState.FINALIZE, sequence, poll);
    }

    /**
     * DRS quotas changed since preflight and this wave no longer fits: nothing of it is started, the wave is FAILED
     * with the reason, and the execution ends FAILED with its claims released (a partial recovery that skips a wave
     * is not what the plan asked for).
     */
    private ObjectNode overQuota(Execution execution, WaveExecution wave, String reason, int poll) {
        LOG.warn("Execution {} wave {}: {}", execution.executionId(), wave.waveNumber(), reason);
        String now = services.clock().instant().toString();
        ObjectNode error = Json.mapper().createObjectNode().put("errorCode", "DRS_QUOTA_EXCEEDED")
                .put("reason", reason);
        long sequence = stored(wave) + 1;
        WaveUpdate update = services.executions().updateWave(execution.executionId(), execution.planId(),
                wave.waveNumber(), sequence, w -> new WaveExecution(w.waveNumber(), w.waveName(),
                        WaveStatus.FAILED.wireName(), "Not started: " + reason, w.startTime(), now, w.jobId(),
                        w.jobIds(), w.serverIds(), w.serverExecutions(), w.totalServers(), 0, 0, 0,
                        w.pollSequence(), error));
        Execution after = update.execution();
        if (update instanceof WaveUpdate.Applied) {
            transitions.notify(after, ExecutionEvent.WAVE_FAILED, wave.waveNumber(), "Not started: " + reason);
        }
        new Finalizer(services).finish(after, reason);
        Execution ended = services.executions().require(execution.executionId(), execution.planId());
        return WaveState.of(ended, wave.waveNumber(), WaveState.FINALIZE, sequence, poll);
    }

    static String roleName(Execution execution) {
        JsonNode role = execution.metadata() == null ? null : execution.metadata().get("assumeRoleName");
        return role == null || role.isNull() ? null : role.asText();
    }
}
