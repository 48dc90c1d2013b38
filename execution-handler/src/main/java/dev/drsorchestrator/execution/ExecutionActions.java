package dev.drsorchestrator.execution;

import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.execution.WaveStatus;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.SfnGateway;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.WaveExecution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator's controls of a running execution: cancel, pause (before the next wave) and resume (completing the
 * stored task token). Each answers the execution's status after the request and what will happen next.
 */
final class ExecutionActions {
    private static final Logger LOG = LoggerFactory.getLogger(ExecutionActions.class);

    private final ExecutionServices services;
    private final Transitions transitions;

    ExecutionActions(ExecutionServices services) {
        this.services = services;
        this.transitions = new Transitions(services);
    }

    /** The execution named by the path or body, or a 404. */
    static Execution load(ExecutionServices services, OperationRequest request) {
        String id = request.parameter("executionId").or(() -> request.parameter("id"))
                .orElseThrow(() -> new ValidationException("Field 'executionId' is required"));
        return services.executions().get(id).orElseThrow(() ->
                new NotFoundException("Execution " + id + " not found"));
    }

    Object cancel(OperationRequest request) {
        Execution execution = load(services, request);
        ExecutionStatus status = Transitions.status(execution);
        if (status.isTerminal()) {
            throw new ConflictException("Execution " + execution.executionId() + " already ended " + status
                    + "; there is nothing to cancel");
        }
        Execution cancelling = transitions.move(execution, ExecutionStatus.CANCELLING);
        String message;
        if (cancelling.taskToken() != null) {
            transitions.releaseToken(cancelling, cancelling.taskToken(), ExecutionStatus.CANCELLING.wireName());
            message = "Cancelled while paused; no further wave will start";
        } else if (!stateMachineRunning(cancelling)) {
            new Finalizer(services).finish(cancelling, null);
            message = "Cancelled; the state machine had already stopped, so the execution was closed directly";
        } else {
            message = "Cancellation requested: no further wave will start; DRS jobs already running finish "
                    + "launching, then the execution ends CANCELLED";
        }
        Execution after = services.executions().require(execution.executionId(), execution.planId());
        return response(after, message);
    }

    Object pause(OperationRequest request) {
        Execution execution = load(services, request);
        ExecutionStatus status = Transitions.status(execution);
        if (status == ExecutionStatus.PAUSED) {
            return response(execution, "Already paused");
        }
        if (status != ExecutionStatus.RUNNING && status != ExecutionStatus.PENDING) {
            throw new ConflictException("Execution " + execution.executionId() + " is " + status
                    + "; only a pending or running execution can be paused");
        }
        int current = execution.currentWave() == null ? 0 : execution.currentWave();
        boolean started = execution.wave(current).map(w -> !w.jobIds().isEmpty()).orElse(false);
        if (started && current + 1 >= execution.waves().size()) {
            throw new ConflictException("Execution " + execution.executionId() + " is running its last wave; "
                    + "there is no further wave to pause before");
        }
        Execution paused = transitions.move(execution, ExecutionStatus.PAUSED);
        int before = started ? current + 1 : current;
        return response(paused, "Pause requested: wave " + before + " will not start until the execution is "
                + "resumed (POST /executions/" + execution.executionId() + "/resume)");
    }

    Object resume(OperationRequest request) {
        Execution execution = load(services, request);
        if (Transitions.status(execution) != ExecutionStatus.PAUSED) {
            throw new ConflictException("Execution " + execution.executionId() + " is " + execution.status()
                    + "; only a paused execution can be resumed");
        }
        Execution running = transitions.move(execution, ExecutionStatus.RUNNING);
        Execution reread = services.executions().require(running.executionId(), running.planId());
        String token = reread.taskToken() != null ? reread.taskToken() : execution.taskToken();
        if (token != null) {
            transitions.releaseToken(reread, token, ExecutionStatus.RUNNING.wireName());
            return response(services.executions().require(running.executionId(), running.planId()),
                    "Resumed: the next wave starts now");
        }
        return response(reread, "Resumed before the pause took effect: the next wave starts when the current one "
                + "finishes");
    }

    private boolean stateMachineRunning(Execution execution) {
        if (execution.stateMachineExecutionArn() == null) {
            return false;
        }
        try {
            SfnGateway.ExecutionStatus sfn = services.gateways().stepFunctions()
                    .describeExecution(execution.stateMachineExecutionArn());
            return "RUNNING".equals(sfn.status());
        } catch (AwsCallFailure e) {
            LOG.warn("Could not describe the state machine execution of {}: {}", execution.executionId(),
                    e.errorCode());
            return !"ExecutionDoesNotExist".equals(e.errorCode());
        }
    }

    static Map<String, Object> response(Execution execution, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("executionId", execution.executionId());
        body.put("status", execution.status());
        body.put("message", message);
        List<Integer> completed = new ArrayList<>();
        List<Integer> inProgress = new ArrayList<>();
        List<Integer> cancelled = new ArrayList<>();
        Integer lastCompleted = null;
        Integer next = null;
        for (WaveExecution wave : execution.waves()) {
            WaveStatus status = WaveStatus.normalize(wave.status()).orElse(WaveStatus.PENDING);
            if (status == WaveStatus.COMPLETED || status == WaveStatus.PARTIAL) {
                completed.add(wave.waveNumber());
                lastCompleted = wave.waveNumber();
            } else if (status.isRunning()) {
                inProgress.add(wave.waveNumber());
            } else if (status == WaveStatus.CANCELLED || status == WaveStatus.SKIPPED) {
                cancelled.add(wave.waveNumber());
            } else if (status == WaveStatus.PENDING && next == null) {
                next = wave.waveNumber();
            }
        }
        body.put("details", Map.of("completedWaves", completed, "inProgressWaves", inProgress,
                "cancelledWaves", cancelled));
        if (lastCompleted != null) {
            body.put("lastCompletedWave", lastCompleted);
        }
        if (next != null) {
            body.put("nextWave", next);
        }
        return body;
    }
}
