package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.shared.notification.ExecutionEvent;
import dev.drsorchestrator.shared.notification.ExecutionNotice;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Status changes as the operations need them, always through {@code ExecutionStore.transition} (so the table of
 * {@link ExecutionStatus} is enforced by a conditional write), plus the notifications and task-token release that go
 * with them.
 */
final class Transitions {
    private static final Logger LOG = LoggerFactory.getLogger(Transitions.class);
    private static final int ATTEMPTS = 5;

    private final ExecutionServices services;

    Transitions(ExecutionServices services) {
        this.services = services;
    }

    /** The stored status; an unreadable one is treated as FAILED so nothing acts on it. */
    static ExecutionStatus status(Execution execution) {
        return ExecutionStatus.fromWire(execution.status()).orElse(ExecutionStatus.FAILED);
    }

    /** Whether the plan asked for an operator's approval before this wave. */
    static boolean pauseBefore(Execution execution, int waveNumber) {
        JsonNode pauses = execution.metadata() == null ? null : execution.metadata().get("pauseBeforeWaves");
        if (pauses == null || !pauses.isArray()) {
            return false;
        }
        for (JsonNode wave : pauses) {
            if (wave.asInt(-1) == waveNumber) {
                return true;
            }
        }
        return false;
    }

    /**
     * Moves the execution to {@code target}, re-reading when another writer got there first. A move the table does
     * not allow directly from PENDING or PAUSED goes through RUNNING (a paused execution that ends after its last
     * wave). Writing the current status again is a no-op.
     *
     * @throws ConflictException when the stored status cannot reach {@code target}
     */
    Execution move(Execution execution, ExecutionStatus target) {
        Execution current = execution;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            ExecutionStatus from = status(current);
            if (from == target) {
                return current;
            }
            try {
                if (!from.canTransitionTo(target) && (from == ExecutionStatus.PENDING || from == ExecutionStatus.PAUSED)
                        && ExecutionStatus.RUNNING.canTransitionTo(target)) {
                    current = services.executions().transition(current.executionId(), current.planId(), from,
                            ExecutionStatus.RUNNING);
                    from = ExecutionStatus.RUNNING;
                }
                return services.executions().transition(current.executionId(), current.planId(), from, target);
            } catch (ConflictException e) {
                Execution reread = services.executions().require(current.executionId(), current.planId());
                if (status(reread) == from) {
                    throw e;
                }
                current = reread;
            }
        }
        throw new ConflictException("Execution " + execution.executionId() + " is changing concurrently; try again");
    }

    /** Publishes a notification; never fails the caller. */
    void notify(Execution execution, ExecutionEvent event, Integer waveNumber, String detail) {
        notify(execution, event, waveNumber, detail, List.of());
    }

    /** Publishes a notification naming failed servers; never fails the caller. */
    void notify(Execution execution, ExecutionEvent event, Integer waveNumber, String detail,
            List<String> failedServers) {
        notify(execution, event, waveNumber, detail, failedServers, List.of());
    }

    /** Publishes a notification naming failed servers and DRS jobs left launching; never fails the caller. */
    void notify(Execution execution, ExecutionEvent event, Integer waveNumber, String detail,
            List<String> failedServers, List<String> openJobIds) {
        String waveName = waveNumber == null ? null
                : execution.wave(waveNumber).map(WaveExecution::waveName).orElse(null);
        services.notifier().notify(new ExecutionNotice(event, execution.planName(), execution.planId(),
                execution.executionId(), execution.executionType(), waveNumber, waveName, detail, failedServers,
                openJobIds));
    }

    /**
     * Clears the stored token and completes it so the state machine continues to StartWave, which decides from the
     * stored status. A token that is no longer open (already completed by the other side of a race) is fine.
     */
    void releaseToken(Execution execution, String token, String reason) {
        services.executions().clearTaskToken(execution.executionId(), execution.planId());
        try {
            services.gateways().stepFunctions().sendTaskSuccess(token, Json.write(Json.mapper().createObjectNode()
                    .put("releasedBecause", reason)));
        } catch (AwsCallFailure e) {
            LOG.info("Task token of execution {} was already completed ({})", execution.executionId(),
                    e.errorCode());
        }
    }
}
