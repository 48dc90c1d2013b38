package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.execution.TerminationDecision;
import dev.drsorchestrator.shared.execution.TerminationRules;
import dev.drsorchestrator.shared.execution.WaveRecord;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.DrsJob;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.ServerExecution;
import dev.drsorchestrator.shared.model.WaveExecution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code terminate_instances}: drill cleanup. Terminates, through DRS TerminateRecoveryInstances, the recovery
 * instances an execution launched, only once {@link TerminationRules} says it may (the execution ended, something
 * was launched, nothing terminated yet, no wave still running). Records the termination jobs on the execution so a
 * second request is refused instead of repeated.
 */
final class InstanceTermination {
    private static final int CHUNK = 100;

    private final ExecutionServices services;

    InstanceTermination(ExecutionServices services) {
        this.services = services;
    }

    Object terminate(OperationRequest request) {
        Execution execution = ExecutionActions.load(services, request);
        List<WaveRecord> waves = execution.waves().stream()
                .map(w -> new WaveRecord(w.status(), w.jobIds() == null ? List.of() : w.jobIds())).toList();
        boolean terminated = execution.metadata() != null
                && execution.metadata().path("instancesTerminated").asBoolean(false);
        TerminationDecision decision = TerminationRules.evaluate(execution.status(), waves, terminated);
        if (!decision.canTerminate()) {
            throw new ConflictException("Recovery instances of execution " + execution.executionId()
                    + " cannot be terminated: " + decision.reason());
        }
        if (execution.accountId() != null) {
            request.auditTargetAccount(execution.accountId());
        }
        Map<String, Set<String>> instances = new LinkedHashMap<>();
        for (WaveExecution wave : execution.waves()) {
            for (ServerExecution server : wave.serverExecutions()) {
                if (server.recoveryInstanceId() != null && server.region() != null) {
                    instances.computeIfAbsent(server.region(), r -> new LinkedHashSet<>())
                            .add(server.recoveryInstanceId());
                }
            }
            addLaunchedAfterEnd(execution, wave, instances);
        }
        Map<String, List<String>> byRegion = new LinkedHashMap<>();
        instances.forEach((region, ids) -> byRegion.put(region, List.copyOf(ids)));
        List<Map<String, Object>> done = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        List<String> jobIds = new ArrayList<>();
        byRegion.forEach((region, ids) -> {
            DrsGateway drs = services.drs(execution.accountId(), WaveStarter.roleName(execution), region);
            for (int start = 0; start < ids.size(); start += CHUNK) {
                List<String> chunk = ids.subList(start, Math.min(ids.size(), start + CHUNK));
                try {
                    DrsJob job = drs.terminateRecoveryInstances(chunk);
                    jobIds.add(job.jobId());
                    chunk.forEach(id -> done.add(Map.of("instanceId", id, "region", region,
                            "previousState", "LAUNCHED", "currentState", "TERMINATING")));
                } catch (AwsCallFailure e) {
                    chunk.forEach(id -> failed.add(Map.of("instanceId", id, "region", region,
                            "error", e.errorCode())));
                }
            }
        });
        if (!jobIds.isEmpty()) {
            ObjectNode metadata = execution.metadata() != null && execution.metadata().isObject()
                    ? ((ObjectNode) execution.metadata()).deepCopy() : Json.mapper().createObjectNode();
            metadata.put("instancesTerminated", true);
            ArrayNode jobs = metadata.putArray("terminationJobIds");
            jobIds.forEach(jobs::add);
            services.executions().annotate(execution.executionId(), execution.planId(), null, null, metadata);
        }
        int found = byRegion.values().stream().mapToInt(List::size).sum();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("executionId", execution.executionId());
        body.put("message", failed.isEmpty()
                ? "Termination started for " + done.size() + " recovery instance(s); track it with DRS job(s) "
                        + String.join(", ", jobIds)
                : done.size() + " recovery instance(s) terminating, " + failed.size() + " failed; see 'failed'");
        body.put("terminated", done);
        body.put("failed", failed);
        body.put("totalFound", found);
        body.put("totalTerminated", done.size());
        body.put("totalFailed", failed.size());
        body.put("alreadyTerminated", false);
        body.put("jobIds", jobIds);
        return body;
    }

    /**
     * A wave the execution closed while its DRS jobs were launching: those jobs may have launched instances after
     * the last poll, which only DRS knows. Refuses (409) while any of them is still running, so no instance launched
     * later is left behind.
     */
    private void addLaunchedAfterEnd(Execution execution, WaveExecution wave, Map<String, Set<String>> found) {
        List<String> open = OpenJobs.of(wave.error());
        String region = WaveState.regionOf(wave);
        if (open.isEmpty() || region == null) {
            return;
        }
        DrsGateway drs = services.drs(execution.accountId(), WaveStarter.roleName(execution), region);
        List<String> launching = new ArrayList<>();
        for (DrsJob job : drs.describeJobs(open)) {
            if (!"COMPLETED".equals(job.status())) {
                launching.add(job.jobId());
                continue;
            }
            job.participatingServers().stream().map(DrsJob.ParticipatingServer::recoveryInstanceID)
                    .filter(id -> id != null && !id.isBlank())
                    .forEach(id -> found.computeIfAbsent(region, r -> new LinkedHashSet<>()).add(id));
        }
        if (!launching.isEmpty()) {
            throw new ConflictException("Recovery instances of execution " + execution.executionId()
                    + " cannot be terminated yet: DRS job(s) " + String.join(", ", launching) + " of wave "
                    + wave.waveNumber() + " are still launching; terminate once they finish (see GET /executions/"
                    + execution.executionId() + "/job-logs)");
        }
    }
}
