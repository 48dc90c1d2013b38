package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.notification.ExecutionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state machine's tasks around a wave's start: {@code begin} (InitiateWavePlan) and {@code store_task_token}
 * (PauseForApproval). Each is safe to deliver twice: it decides from the stored execution, not from the delivery.
 */
final class WaveTasks {
    private static final Logger LOG = LoggerFactory.getLogger(WaveTasks.class);

    private final ExecutionServices services;
    private final Transitions transitions;

    WaveTasks(ExecutionServices services) {
        this.services = services;
        this.transitions = new Transitions(services);
    }

    /** InitiateWavePlan: PENDING becomes RUNNING (or PAUSED before a first wave that needs approval). */
    Object begin(OperationRequest request) {
        ObjectNode body = request.bodyObject();
        Execution execution = services.executions().require(WaveState.text(body, "executionId"),
                WaveState.text(body, "planId"));
        ExecutionStatus status = Transitions.status(execution);
        if (status == ExecutionStatus.CANCELLING || status.isTerminal()) {
            return WaveState.of(execution, 0, WaveState.FINALIZE, 0, services.settings().pollSeconds());
        }
        boolean pauseFirst = Transitions.pauseBefore(execution, 0);
        if (status == ExecutionStatus.PENDING) {
            execution = transitions.move(execution, pauseFirst ? ExecutionStatus.PAUSED : ExecutionStatus.RUNNING);
            transitions.notify(execution, ExecutionEvent.EXECUTION_STARTED, null, null);
        }
        String next = Transitions.status(execution) == ExecutionStatus.PAUSED ? WaveState.PAUSE : WaveState.START_WAVE;
        ObjectNode state = WaveState.of(execution, 0, next, 0, services.settings().pollSeconds());
        state.put("pauseRequired", WaveState.PAUSE.equals(next));
        return state;
    }

    /**
     * PauseForApproval: keeps the token so resume_execution can complete it. If the execution was resumed or
     * cancelled before the token arrived, the token is completed here at once, so the state machine never waits on
     * a pause nobody can end.
     */
    Object storeTaskToken(OperationRequest request) {
        ObjectNode body = request.bodyObject();
        String executionId = WaveState.text(body, "executionId");
        String planId = WaveState.text(body, "planId");
        String token = WaveState.text(body, "taskToken");
        int waveNumber = body.has("waveNumber") ? WaveState.integer(body, "waveNumber") : 0;
        services.executions().storeTaskToken(executionId, planId, token, waveNumber);
        Execution execution = services.executions().require(executionId, planId);
        ExecutionStatus status = Transitions.status(execution);
        if (status == ExecutionStatus.PAUSED) {
            transitions.notify(execution, ExecutionEvent.EXECUTION_PAUSED, waveNumber, "Waiting for an operator "
                    + "before wave " + (waveNumber + 1));
            return Json.mapper().createObjectNode().put("status", ExecutionStatus.PAUSED.wireName());
        }
        LOG.info("Execution {} is {} when its pause token arrived; continuing at once", executionId, status);
        transitions.releaseToken(execution, token, status.wireName());
        return Json.mapper().createObjectNode().put("status", status.wireName());
    }

    /** Reads the wave number of a start request: {@code waveNumber}, its alias {@code wave_number}, or the state's. */
    static int waveNumber(JsonNode body, JsonNode state) {
        if (body.has("waveNumber")) {
            return WaveState.integer(body, "waveNumber");
        }
        if (body.has("wave_number")) {
            return WaveState.integer(body, "wave_number");
        }
        if (state != null && state.has("waveNumber")) {
            return WaveState.integer(state, "waveNumber");
        }
        throw new ValidationException("Field 'waveNumber' is required");
    }
}
