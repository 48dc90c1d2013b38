package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.execution.WaveStatus;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.OperationResult;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.RecoveryPlan;
import dev.drsorchestrator.shared.model.ServerExecution;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.shared.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code start_execution} and {@code execute_recovery_plan}: preflight, claim every server atomically, write the
 * execution as PENDING, then start the state machine. If the start fails the execution is marked FAILED and its
 * claims are released, so a refused start never blocks the next one.
 */
final class StartExecution {
    private static final Logger LOG = LoggerFactory.getLogger(StartExecution.class);

    private final ExecutionServices services;

    StartExecution(ExecutionServices services) {
        this.services = services;
    }

    /** POST /executions. */
    Object start(OperationRequest request) {
        String planId = request.bodyString("planId").or(() -> request.bodyString("recoveryPlanId"))
                .orElseThrow(() -> new ValidationException("Field 'planId' is required"));
        return run(request, planId);
    }

    /** POST /recovery-plans/{id}/execute. */
    Object execute(OperationRequest request) {
        String planId = request.parameter("planId").or(() -> request.parameter("id"))
                .orElseThrow(() -> new ValidationException("Field 'planId' is required"));
        return run(request, planId);
    }

    private Object run(OperationRequest request, String planId) {
        String type = request.bodyString("executionType").map(t -> t.toUpperCase(Locale.ROOT))
                .orElseThrow(() -> new ValidationException("Field 'executionType' is required (DRILL or RECOVERY)"));
        if (!type.equals("DRILL") && !type.equals("RECOVERY")) {
            throw new ValidationException("Field 'executionType' must be DRILL or RECOVERY (got '" + type + "')");
        }
        if (request.bodyObject().path("dryRun").asBoolean(false)) {
            throw new ValidationException("Field 'dryRun' is not supported: omit it or set it to false");
        }
        String stateMachineArn = services.settings().stateMachineArn().orElseThrow(() ->
                new IllegalStateException("STATE_MACHINE_ARN is not configured"));
        RecoveryPlan plan = PlanWaves.require(services.stores().recoveryPlans(), planId);
        List<PlanWaves.Resolved> waves = new PlanWaves(services.stores().protectionGroups(),
                services.members(), services::hubAccountId).resolve(plan);
        new Preflight(services).check(waves);
        List<String> warnings = new DriftWarnings(services.stores().appliedLaunchConfigs()).of(waves);

        String executionId = UUID.randomUUID().toString();
        List<String> servers = waves.stream().flatMap(w -> w.serverIds().stream()).toList();
        services.executions().claimServers(executionId, planId, servers);
        Execution created;
        try {
            created = services.executions().create(execution(executionId, plan, type, waves, servers,
                    initiatedBy(request), stateMachineArn, warnings));
        } catch (RuntimeException e) {
            services.executions().releaseServers(executionId, servers);
            throw e;
        }
        try {
            ObjectNode input = Json.mapper().createObjectNode().put("executionId", executionId).put("planId", planId)
                    .put("mode", type);
            services.gateways().stepFunctions().startExecution(stateMachineArn, executionId, Json.write(input));
        } catch (RuntimeException e) {
            LOG.error("State machine start failed for execution {}; marking it FAILED", executionId, e);
            services.executions().annotate(executionId, planId, null, "The state machine could not be started", null);
            services.executions().transition(executionId, planId, ExecutionStatus.PENDING, ExecutionStatus.FAILED);
            services.executions().releaseServers(executionId, servers);
            throw e;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("executionId", executionId);
        body.put("status", created.status());
        body.put("message", type.charAt(0) + type.substring(1).toLowerCase(Locale.ROOT) + " of plan '"
                + plan.planName() + "' started: " + waves.size() + " wave(s), " + servers.size() + " server(s)");
        body.put("statusUrl", "/executions/" + executionId);
        body.put("warnings", warnings);
        return OperationResult.accepted(body);
    }

    private Execution execution(String executionId, RecoveryPlan plan, String type, List<PlanWaves.Resolved> waves,
            List<String> servers, String initiatedBy, String stateMachineArn, List<String> warnings) {
        List<WaveExecution> waveExecutions = new ArrayList<>();
        ObjectNode metadata = Json.mapper().createObjectNode();
        if (!warnings.isEmpty()) {
            warnings.forEach(metadata.putArray("warnings")::add);
        }
        var pauses = metadata.putArray("pauseBeforeWaves");
        for (PlanWaves.Resolved wave : waves) {
            List<ServerExecution> serverExecutions = wave.serverIds().stream().map(id -> new ServerExecution(id,
                    null, null, wave.region(), null, wave.accountId(), null, null, "PENDING", "PENDING", null, null,
                    null, null, null, null, null, null, null)).toList();
            waveExecutions.add(new WaveExecution(wave.index(), wave.name(), WaveStatus.PENDING.wireName(),
                    "Waiting for earlier waves", null, null, null, List.of(), wave.serverIds(), serverExecutions,
                    wave.serverIds().size(), 0, 0, 0, 0L, null));
            if (wave.pauseBeforeWave()) {
                pauses.add(wave.index());
            }
        }
        String roleName = waves.get(0).roleName();
        if (roleName != null) {
            metadata.put("assumeRoleName", roleName);
        }
        return new Execution(executionId, plan.planId(), plan.planName(), type, ExecutionStatus.PENDING.wireName(),
                services.clock().instant().toString(), null, 0, waves.size(), waveExecutions, servers, initiatedBy,
                waves.get(0).accountId(), executionArn(stateMachineArn, executionId), null, null, null, metadata, null);
    }

    /** The ARN Step Functions gives an execution named {@code name} of {@code stateMachineArn}. */
    static String executionArn(String stateMachineArn, String name) {
        return stateMachineArn.replace(":stateMachine:", ":execution:") + ":" + name;
    }

    private static String initiatedBy(OperationRequest request) {
        Principal principal = request.principal();
        if (principal instanceof Principal.CognitoUser user) {
            return user.email();
        }
        String arn = principal == null ? null : principal.arn();
        return request.bodyString("initiatedBy").orElse(arn == null ? "unknown" : arn);
    }
}
