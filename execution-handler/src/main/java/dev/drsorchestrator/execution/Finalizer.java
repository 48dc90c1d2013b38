package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.execution.WaveStatus;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.ServerExecution;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.shared.notification.ExecutionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code finalize}: ends an execution. Decides the final status from the stored waves (or FAILED when the state
 * machine reports an error), closes waves that never ran, releases the server claims and notifies. Idempotent: an
 * execution already in a final state only has its claims released again.
 */
final class Finalizer {
    private static final Logger LOG = LoggerFactory.getLogger(Finalizer.class);
    private static final Map<ExecutionStatus, ExecutionEvent> EVENTS = Map.of(
            ExecutionStatus.COMPLETED, ExecutionEvent.EXECUTION_COMPLETED,
            ExecutionStatus.PARTIAL, ExecutionEvent.EXECUTION_PARTIAL,
            ExecutionStatus.FAILED, ExecutionEvent.EXECUTION_FAILED,
            ExecutionStatus.CANCELLED, ExecutionEvent.EXECUTION_CANCELLED,
            ExecutionStatus.TIMEOUT, ExecutionEvent.EXECUTION_TIMEOUT);

    private final ExecutionServices services;
    private final Transitions transitions;

    Finalizer(ExecutionServices services) {
        this.services = services;
        this.transitions = new Transitions(services);
    }

    Object finalizeTask(OperationRequest request) {
        ObjectNode body = request.bodyObject();
        Execution execution = services.executions().require(WaveState.text(body, "executionId"),
                WaveState.text(body, "planId"));
        String failure = body.path("failed").asBoolean(false) ? failureText(body.get("error")) : null;
        return finish(execution, failure);
    }

    /** Ends the execution; {@code failure} non-null forces FAILED with that message. */
    ObjectNode finish(Execution execution, String failure) {
        ExecutionStatus current = Transitions.status(execution);
        boolean already = current.isTerminal();
        Execution ended = execution;
        if (!already) {
            ExecutionStatus target = failure != null ? ExecutionStatus.FAILED : outcome(execution, current);
            String message = failure != null ? failure : summary(execution, target);
            List<String> openJobs = closeOpenWaves(execution, target, message);
            if (!openJobs.isEmpty()) {
                message = OpenJobs.executionMessage(message, openJobs);
            }
            services.executions().annotate(execution.executionId(), execution.planId(), null, message, null);
            ended = transitions.move(services.executions().require(execution.executionId(), execution.planId()),
                    target);
            if (ended.taskToken() != null) {
                ended = services.executions().clearTaskToken(ended.executionId(), ended.planId());
            }
            transitions.notify(ended, EVENTS.get(target), null, message, failedServers(ended), openJobs);
            LOG.info("Execution {} ended {}", ended.executionId(), target);
        }
        services.executions().releaseServers(ended.executionId(), ended.serverIds());
        ObjectNode result = Json.mapper().createObjectNode();
        result.put("executionId", ended.executionId());
        result.put("planId", ended.planId());
        result.put("status", ended.status());
        result.put("totalWaves", ended.waves().size());
        result.put("alreadyFinalized", already);
        return result;
    }

    private static ExecutionStatus outcome(Execution execution, ExecutionStatus current) {
        if (current == ExecutionStatus.CANCELLING) {
            return ExecutionStatus.CANCELLED;
        }
        List<WaveStatus> statuses = execution.waves().stream()
                .map(w -> WaveStatus.normalize(w.status()).orElse(WaveStatus.FAILED)).toList();
        if (statuses.contains(WaveStatus.TIMEOUT)) {
            return ExecutionStatus.TIMEOUT;
        }
        if (statuses.stream().allMatch(s -> s == WaveStatus.COMPLETED)) {
            return ExecutionStatus.COMPLETED;
        }
        int launched = execution.waves().stream().mapToInt(w -> w.launchedCount() == null ? 0 : w.launchedCount())
                .sum();
        return launched == 0 ? ExecutionStatus.FAILED : ExecutionStatus.PARTIAL;
    }

    /**
     * Closes the waves the execution leaves open and returns the DRS jobs that were still running in them. Waves
     * that never started become SKIPPED (CANCELLED on cancel). A wave whose DRS jobs were running becomes FAILED when
     * the execution failed or timed out (CANCELLED on cancel): its job ids stay on the wave and are listed in
     * {@code error.openJobIds}, because DRS cannot recall them and the instances they launch must stay findable and
     * terminable.
     */
    private List<String> closeOpenWaves(Execution execution, ExecutionStatus target, String reason) {
        String now = services.clock().instant().toString();
        List<String> open = new ArrayList<>();
        for (WaveExecution wave : execution.waves()) {
            WaveStatus status = WaveStatus.normalize(wave.status()).orElse(WaveStatus.PENDING);
            if (status.isTerminal()) {
                continue;
            }
            List<String> jobs = wave.jobIds() == null ? List.of() : wave.jobIds();
            boolean running = status.isRunning() || !jobs.isEmpty();
            WaveStatus closed;
            if (!running) {
                closed = target == ExecutionStatus.CANCELLED ? WaveStatus.CANCELLED : WaveStatus.SKIPPED;
            } else {
                closed = target == ExecutionStatus.CANCELLED ? WaveStatus.CANCELLED : WaveStatus.FAILED;
                open.addAll(jobs);
            }
            String message = running ? OpenJobs.waveMessage(target, reason, jobs)
                    : "Not started: the execution ended " + target;
            JsonNode error = running && !jobs.isEmpty() ? OpenJobs.error(target, reason, jobs) : null;
            long sequence = (wave.pollSequence() == null ? 0 : wave.pollSequence()) + 1;
            services.executions().updateWave(execution.executionId(), execution.planId(), wave.waveNumber(),
                    sequence, w -> new WaveExecution(w.waveNumber(), w.waveName(), closed.wireName(), message,
                            w.startTime(), now, w.jobId(), w.jobIds(), w.serverIds(), w.serverExecutions(),
                            w.totalServers(), w.launchedCount(), w.failedCount(), w.progress(), w.pollSequence(),
                            error != null ? error : w.error()));
        }
        return open;
    }

    private static String summary(Execution execution, ExecutionStatus target) {
        List<String> failed = failedServers(execution);
        return switch (target) {
            case COMPLETED -> null;
            case CANCELLED -> "Cancelled by an operator; no further wave was started";
            case TIMEOUT -> "A wave did not finish within its time budget";
            default -> failed.isEmpty() ? "Not every wave completed"
                    : "Servers failed to launch: " + String.join(", ", failed);
        };
    }

    private static List<String> failedServers(Execution execution) {
        List<String> failed = new ArrayList<>();
        for (WaveExecution wave : execution.waves()) {
            for (ServerExecution server : wave.serverExecutions()) {
                String launch = server.launchStatus();
                if ("FAILED".equalsIgnoreCase(launch) || "TERMINATED".equalsIgnoreCase(launch)) {
                    failed.add(server.serverId());
                }
            }
        }
        return failed;
    }

    private static String failureText(JsonNode error) {
        if (error == null || error.isNull()) {
            return "The state machine reported a failure";
        }
        String name = error.path("Error").asText("");
        String cause = error.path("Cause").asText("");
        String text = "State machine error " + name + (cause.isBlank() ? "" : ": " + cause);
        return text.length() > 1000 ? text.substring(0, 1000) : text;
    }
}
