package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.execution.WaveProgress;
import dev.drsorchestrator.shared.execution.WaveStatus;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.ServerExecution;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.shared.notification.ExecutionEvent;
import dev.drsorchestrator.shared.store.WaveUpdate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code update_wave_completion_status}: persists what poll_wave_status read and says where the state machine goes
 * next. The write is accepted only for a poll sequence newer than the stored one and a wave transition the table
 * allows, so a duplicate or late delivery changes nothing; the answer is always decided from the stored execution.
 */
final class WaveUpdater {
    private final ExecutionServices services;
    private final Transitions transitions;

    WaveUpdater(ExecutionServices services) {
        this.services = services;
        this.transitions = new Transitions(services);
    }

    Object update(OperationRequest request) {
        ObjectNode body = request.bodyObject();
        String executionId = text(body, "executionId", "execution_id");
        String planId = text(body, "planId", "plan_id");
        JsonNode state = body.path("state");
        int waveNumber = WaveTasks.waveNumber(body, state.isObject() ? state : null);
        JsonNode data = body.has("waveData") ? body.get("waveData") : body.get("wave_data");
        if (data == null || !data.isObject()) {
            throw new ValidationException("Field 'waveData' is required and must be an object");
        }
        if (!body.hasNonNull("pollSequence") || !body.get("pollSequence").canConvertToLong()
                || body.get("pollSequence").asLong() < 1) {
            throw new ValidationException("Field 'pollSequence' is required and must be a positive integer");
        }
        long sequence = body.get("pollSequence").asLong();
        Execution execution = services.executions().require(executionId, planId);
        WaveExecution wave = execution.wave(waveNumber).orElseThrow(() -> new NotFoundException("Wave "
                + waveNumber + " of execution " + executionId + " not found"));
        long jobs = wave.jobIds() == null ? 0 : wave.jobIds().size();
        WaveStatus target = target(data, sequence - jobs > services.settings().maxPolls());
        String now = services.clock().instant().toString();
        WaveUpdate update = services.executions().updateWave(executionId, planId, waveNumber, sequence,
                w -> merged(w, data, target, now));
        Execution after = update.execution();
        WaveExecution stored = after.wave(waveNumber).orElse(wave);
        boolean applied = update instanceof WaveUpdate.Applied;
        if (applied && target.isTerminal()) {
            announce(after, stored, target);
        }
        return next(after, stored, applied);
    }

    private static WaveStatus target(JsonNode data, boolean outOfTime) {
        int launched = data.path("launchedCount").asInt(0);
        int total = data.path("totalCount").asInt(0);
        if (data.path("waveCompleted").asBoolean(false)) {
            if (total > 0 && launched == total) {
                return WaveStatus.COMPLETED;
            }
            return launched == 0 ? WaveStatus.FAILED : WaveStatus.PARTIAL;
        }
        if (outOfTime) {
            return WaveStatus.TIMEOUT;
        }
        String job = data.path("jobStatus").asText("").toUpperCase(Locale.ROOT);
        return "STARTED".equals(job) || "COMPLETED".equals(job) ? WaveStatus.IN_PROGRESS : WaveStatus.INITIATED;
    }

    private static WaveExecution merged(WaveExecution w, JsonNode data, WaveStatus target, String now) {
        Map<String, JsonNode> reported = new HashMap<>();
        for (JsonNode server : data.path("serverStatuses")) {
            reported.put(server.path("sourceServerID").asText(server.path("sourceServerId").asText()), server);
        }
        List<ServerExecution> servers = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (ServerExecution s : w.serverExecutions()) {
            JsonNode r = reported.get(s.serverId());
            if (r == null) {
                servers.add(s);
                continue;
            }
            String launch = r.path("launchStatus").asText(s.launchStatus());
            boolean launched = "LAUNCHED".equalsIgnoreCase(launch);
            boolean ended = launched || "FAILED".equalsIgnoreCase(launch) || "TERMINATED".equalsIgnoreCase(launch);
            if (ended && !launched) {
                failed.add(s.serverId());
            }
            String recoveryInstance = r.hasNonNull("recoveryInstanceId") ? r.get("recoveryInstanceId").asText()
                    : r.hasNonNull("recoveryInstanceID") ? r.get("recoveryInstanceID").asText()
                    : s.recoveryInstanceId();
            String recovered = r.hasNonNull("ec2InstanceID") ? r.get("ec2InstanceID").asText()
                    : s.recoveredInstanceId();
            servers.add(new ServerExecution(s.serverId(), s.serverName(), s.hostname(), s.region(),
                    s.sourceInstanceId(), s.sourceAccountId(), s.sourceIp(), s.sourceRegion(), launch, launch,
                    r.hasNonNull("jobId") ? r.get("jobId").asText() : s.jobId(), recoveryInstance, recovered,
                    s.instanceType(), s.privateIp(), s.startTime(), ended ? coalesce(s.endTime(), now) : null,
                    launched ? coalesce(s.launchTime(), now) : s.launchTime(), s.error()));
        }
        int launched = data.path("launchedCount").asInt(0);
        int failedCount = data.path("failedCount").asInt(0);
        int total = Math.max(data.path("totalCount").asInt(0), w.totalServers() == null ? 0 : w.totalServers());
        int percent = (int) Math.round(WaveProgress.calculate(launched, failedCount, total).percentComplete());
        return new WaveExecution(w.waveNumber(), w.waveName(), target.wireName(), message(target, launched, total,
                failed), w.startTime(), target.isTerminal() ? now : null, w.jobId(), w.jobIds(), w.serverIds(),
                servers, total, launched, failedCount, percent, w.pollSequence(), w.error());
    }

    private static String message(WaveStatus status, int launched, int total, List<String> failed) {
        String counts = launched + " of " + total + " server(s) launched";
        return switch (status) {
            case TIMEOUT -> "Wave did not finish in time; " + counts;
            case COMPLETED -> counts;
            case PARTIAL, FAILED -> counts + "; failed: " + String.join(", ", failed);
            default -> "Launching: " + counts;
        };
    }

    private void announce(Execution execution, WaveExecution wave, WaveStatus status) {
        List<String> failed = wave.serverExecutions().stream().filter(s -> s.launchStatus() != null
                && !"LAUNCHED".equalsIgnoreCase(s.launchStatus()) && s.endTime() != null)
                .map(ServerExecution::serverId).toList();
        ExecutionEvent event = status == WaveStatus.COMPLETED ? ExecutionEvent.WAVE_COMPLETED
                : ExecutionEvent.WAVE_FAILED;
        transitions.notify(execution, event, wave.waveNumber(), wave.statusMessage(), failed);
    }

    private ObjectNode next(Execution execution, WaveExecution wave, boolean applied) {
        int poll = services.settings().pollSeconds();
        long sequence = wave.pollSequence() == null ? 0 : wave.pollSequence();
        int number = wave.waveNumber();
        WaveStatus status = WaveStatus.normalize(wave.status()).orElse(WaveStatus.FAILED);
        ExecutionStatus executionStatus = Transitions.status(execution);
        if (!status.isTerminal()) {
            return WaveState.of(execution, number, WaveState.POLL, sequence, poll);
        }
        boolean stop = executionStatus == ExecutionStatus.CANCELLING || executionStatus.isTerminal()
                || status == WaveStatus.FAILED || status == WaveStatus.TIMEOUT || status == WaveStatus.CANCELLED
                || number + 1 >= execution.waves().size();
        if (stop) {
            return WaveState.of(execution, number, WaveState.FINALIZE, sequence, poll);
        }
        int following = number + 1;
        if (executionStatus == ExecutionStatus.PAUSED) {
            return WaveState.of(execution, following, WaveState.PAUSE, 0, poll);
        }
        if (applied && Transitions.pauseBefore(execution, following)) {
            Execution paused = transitions.move(execution, ExecutionStatus.PAUSED);
            return WaveState.of(paused, following, WaveState.PAUSE, 0, poll);
        }
        return WaveState.of(execution, following, WaveState.START_WAVE, 0, poll);
    }

    private static String text(JsonNode body, String field, String alias) {
        return body.hasNonNull(field) ? WaveState.text(body, field) : WaveState.text(body, alias);
    }

    private static String coalesce(String a, String b) {
        return a != null ? a : b;
    }
}
