package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.execution.WaveStatus;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.SfnGateway;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.shared.store.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code poll} and {@code find}: the safety net behind the state machine, run on a schedule. The state machine owns
 * every wave write while it runs; these step in only where it cannot: an execution still active whose state machine
 * execution has ended or vanished (stuck: it would hold its server claims forever) is closed, and DRS jobs that were
 * still launching when an execution ended are followed until they finish, so the instances they launched are
 * recorded on the execution and can be terminated.
 */
final class Reconciler {
    /** How many of the newest FAILED, CANCELLED and TIMEOUT executions {@code find} checks for jobs left running. */
    static final int RECENT_ENDED = 50;
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);
    private static final List<ExecutionStatus> ACTIVE = List.of(ExecutionStatus.PENDING, ExecutionStatus.RUNNING,
            ExecutionStatus.PAUSED, ExecutionStatus.CANCELLING);
    private static final List<ExecutionStatus> ENDED_WITH_JOBS = List.of(ExecutionStatus.FAILED,
            ExecutionStatus.CANCELLED, ExecutionStatus.TIMEOUT);
    private static final int PAGE = 100;
    /**
     * How long a PENDING execution may have no state machine execution yet: start_execution writes the execution
     * (with its derived ARN) before it calls StartExecution, so for a moment the ARN names nothing; closing it then
     * would fail a recovery that is starting.
     */
    static final Duration START_GRACE = Duration.ofMinutes(5);

    private final ExecutionServices services;
    private final LaunchesAfterEnd launches;

    Reconciler(ExecutionServices services) {
        this.services = services;
        this.launches = new LaunchesAfterEnd(services);
    }

    /** {@code poll}: reconciles one execution. */
    Object poll(OperationRequest request) {
        String executionId = WaveState.text(request.bodyObject(), "executionId");
        String planId = WaveState.text(request.bodyObject(), "planId");
        return pollOne(services.executions().require(executionId, planId));
    }

    /** {@code find}: every active execution, and recently ended ones with DRS jobs left launching, each polled. */
    Object find(OperationRequest request) {
        List<Execution> found = new ArrayList<>();
        for (ExecutionStatus status : ACTIVE) {
            Optional<ObjectNode> start = Optional.empty();
            do {
                Page<Execution> page = services.executions().listByStatus(status, PAGE, start);
                found.addAll(page.items());
                start = page.lastEvaluatedKey();
            } while (start.isPresent());
        }
        for (ExecutionStatus status : ENDED_WITH_JOBS) {
            services.executions().listByStatus(status, RECENT_ENDED, Optional.empty()).items().stream()
                    .filter(LaunchesAfterEnd::hasOpenJobs).forEach(found::add);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Execution execution : found) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("executionId", execution.executionId());
            try {
                ObjectNode polled = pollOne(execution);
                result.put("success", true);
                result.put("status", polled.path("status").asText());
                result.put("reconciled", polled.path("reconciled").asBoolean(false));
            } catch (RuntimeException e) {
                LOG.error("Polling execution {} failed", execution.executionId(), e);
                result.put("success", false);
                result.put("error", e instanceof AwsCallFailure failure ? failure.errorCode()
                        : "Polling failed; see the logs of request " + request.requestId());
            }
            results.add(result);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("executionsFound", found.size());
        body.put("executionsPolled", results.size());
        body.put("results", results);
        return body;
    }

    private ObjectNode pollOne(Execution execution) {
        ExecutionStatus status = Transitions.status(execution);
        String stateMachine = null;
        boolean reconciled = false;
        Execution current = execution;
        if (!status.isTerminal()) {
            Optional<SfnGateway.ExecutionStatus> sfn = describe(execution);
            stateMachine = sfn.map(SfnGateway.ExecutionStatus::status).orElse("DOES_NOT_EXIST");
            if (sfn.isEmpty() && status == ExecutionStatus.PENDING && stillStarting(execution)) {
                stateMachine = "NOT_STARTED_YET";
            } else if (!"RUNNING".equals(stateMachine)) {
                closeStuck(execution, status, stateMachine, sfn);
                reconciled = true;
                current = services.executions().require(execution.executionId(), execution.planId());
            }
        }
        if (Transitions.status(current).isTerminal() && LaunchesAfterEnd.hasOpenJobs(current)) {
            current = launches.follow(current);
        }
        return view(current, stateMachine, reconciled);
    }

    private boolean stillStarting(Execution execution) {
        try {
            Instant started = Instant.parse(execution.startTime());
            return started.plus(START_GRACE).isAfter(services.clock().instant());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private void closeStuck(Execution execution, ExecutionStatus status, String stateMachine,
            Optional<SfnGateway.ExecutionStatus> sfn) {
        String cause = sfn.map(s -> s.error() == null ? "" : " (" + s.error() + ")").orElse("");
        LOG.warn("Execution {} is {} but its state machine execution is {}; closing it", execution.executionId(),
                status, stateMachine);
        Finalizer finalizer = new Finalizer(services);
        if (status == ExecutionStatus.CANCELLING) {
            finalizer.finish(execution, null);
        } else {
            finalizer.finish(execution, "The state machine execution is " + stateMachine + cause
                    + " but the execution was still " + status + "; closed by the reconciler");
        }
    }

    private Optional<SfnGateway.ExecutionStatus> describe(Execution execution) {
        if (execution.stateMachineExecutionArn() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(services.gateways().stepFunctions()
                    .describeExecution(execution.stateMachineExecutionArn()));
        } catch (AwsCallFailure e) {
            if ("ExecutionDoesNotExist".equals(e.errorCode())) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static ObjectNode view(Execution execution, String stateMachine, boolean reconciled) {
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("executionId", execution.executionId());
        out.put("planId", execution.planId());
        out.put("status", execution.status());
        if (stateMachine != null) {
            out.put("stateMachineStatus", stateMachine);
        }
        out.put("reconciled", reconciled);
        boolean allEnded = true;
        ArrayNode waves = out.putArray("waves");
        for (WaveExecution wave : execution.waves()) {
            WaveStatus status = WaveStatus.normalize(wave.status()).orElse(WaveStatus.PENDING);
            allEnded &= status.isTerminal();
            ObjectNode w = waves.addObject();
            w.put("waveNumber", wave.waveNumber());
            w.put("status", wave.status());
            w.put("launchedCount", wave.launchedCount() == null ? 0 : wave.launchedCount());
            w.put("totalServers", wave.totalServers() == null ? 0 : wave.totalServers());
            (wave.jobIds() == null ? List.<String>of() : wave.jobIds()).forEach(w.putArray("jobIds")::add);
            OpenJobs.of(wave.error()).forEach(w.putArray("openJobIds")::add);
        }
        out.put("allWavesComplete", allEnded);
        out.put("openJobs", LaunchesAfterEnd.hasOpenJobs(execution));
        return out;
    }
}
