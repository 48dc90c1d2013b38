package dev.drsorchestrator.query.executions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.Views;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.DrsJob;
import dev.drsorchestrator.shared.gateway.DrsRecoveryInstance;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.ServerExecution;
import dev.drsorchestrator.shared.model.WaveExecution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live DRS reads of one execution: its recovery instances, its jobs' logs and the progress of a termination. They
 * run in the execution's account (through the cross-account role when that is a target account).
 */
final class ExecutionDrsQueries {
    static final int MAX_JOB_IDS = 100;

    private final QueryContext context;

    ExecutionDrsQueries(QueryContext context) {
        this.context = context;
    }

    Object recoveryInstances(OperationRequest request) {
        Execution execution = ExecutionQueries.require(context, Params.uuid(request, "id"));
        Map<String, List<String>> serversByRegion = serversByRegion(execution);
        AccountContext account = context.targets().ofOwner(request, execution.accountId(), null);
        List<ObjectNode> instances = new ArrayList<>();
        serversByRegion.forEach((region, servers) -> {
            for (DrsRecoveryInstance instance : context.gateways().drs(account, region)
                    .describeRecoveryInstances(servers)) {
                ObjectNode view = Views.of(instance);
                view.put("region", region);
                instances.add(view);
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("executionId", execution.executionId());
        out.put("instances", instances);
        out.put("totalInstances", instances.size());
        if (instances.isEmpty()) {
            out.put("message", "No recovery instances found for this execution");
        }
        return out;
    }

    Object jobLogs(OperationRequest request) {
        Execution execution = ExecutionQueries.require(context, Params.uuid(request, "id"));
        String onlyJob = request.parameter("jobId").filter(v -> !v.isBlank()).map(v -> Params.jobId("jobId", v))
                .orElse(null);
        AccountContext account = context.targets().ofOwner(request, execution.accountId(), null);
        String region = regionOf(execution);
        List<ObjectNode> logs = new ArrayList<>();
        if (execution.waves() != null && region != null) {
            DrsGateway drs = context.gateways().drs(account, region);
            for (WaveExecution wave : execution.waves()) {
                for (String jobId : jobIds(wave)) {
                    if (onlyJob != null && !onlyJob.equals(jobId)) {
                        continue;
                    }
                    ObjectNode entry = Views.object();
                    entry.put("waveNumber", wave.waveNumber());
                    entry.put("jobId", jobId);
                    entry.putArray("events").addAll(drs.describeJobLogItems(jobId));
                    logs.add(entry);
                }
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("executionId", execution.executionId());
        out.put("jobLogs", logs);
        return out;
    }

    Object terminationStatus(OperationRequest request) {
        Execution execution = ExecutionQueries.require(context, Params.uuid(request, "id"));
        String region = Params.region(request);
        String raw = request.parameter("jobIds").orElseThrow(() -> new ValidationException(
                "Field 'jobIds' is required"));
        List<String> jobIds = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(id -> Params.jobId("jobIds", id)).distinct().toList();
        if (jobIds.isEmpty() || jobIds.size() > MAX_JOB_IDS) {
            throw new ValidationException("Field 'jobIds' must list 1 to " + MAX_JOB_IDS + " DRS job ids");
        }
        AccountContext account = context.targets().ofOwner(request, execution.accountId(), null);
        List<DrsJob> jobs = context.gateways().drs(account, region).describeJobs(jobIds);
        int total = 0;
        int done = 0;
        boolean anyFailed = false;
        boolean allCompleted = jobs.size() == jobIds.size();
        List<ObjectNode> views = new ArrayList<>();
        for (DrsJob job : jobs) {
            allCompleted &= "COMPLETED".equals(job.status());
            for (DrsJob.ParticipatingServer server : job.participatingServers()) {
                total++;
                String state = server.launchStatus() == null ? "" : server.launchStatus();
                if ("TERMINATED".equals(state) || "FAILED".equals(state)) {
                    done++;
                }
                anyFailed |= "FAILED".equals(state);
            }
            views.add(Views.of(job));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("executionId", execution.executionId());
        out.put("jobs", views);
        out.put("totalServers", total);
        out.put("completedServers", done);
        out.put("progressPercent", total == 0 ? 0.0 : Math.round(done * 10000.0 / total) / 100.0);
        out.put("allCompleted", allCompleted);
        out.put("anyFailed", anyFailed);
        return out;
    }

    static List<String> jobIds(WaveExecution wave) {
        Set<String> ids = new LinkedHashSet<>();
        if (wave.jobId() != null) {
            ids.add(wave.jobId());
        }
        if (wave.jobIds() != null) {
            ids.addAll(wave.jobIds());
        }
        return List.copyOf(ids);
    }

    private String regionOf(Execution execution) {
        return serversByRegion(execution).keySet().stream().findFirst().orElse(null);
    }

    /** Source servers of the execution grouped by the region their wave ran in. */
    private Map<String, List<String>> serversByRegion(Execution execution) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (execution.waves() != null) {
            for (WaveExecution wave : execution.waves()) {
                if (wave.serverExecutions() == null) {
                    continue;
                }
                for (ServerExecution server : wave.serverExecutions()) {
                    if (server.region() != null && server.serverId() != null) {
                        out.computeIfAbsent(server.region(), r -> new ArrayList<>()).add(server.serverId());
                    }
                }
            }
        }
        if (out.isEmpty() && execution.serverIds() != null && !execution.serverIds().isEmpty()) {
            planRegion(execution).ifPresent(region -> out.put(region, List.copyOf(execution.serverIds())));
        }
        return out;
    }

    private java.util.Optional<String> planRegion(Execution execution) {
        return context.stores().recoveryPlans().get(execution.planId())
                .flatMap(plan -> plan.waves() == null ? java.util.Optional.empty() : plan.waves().stream()
                        .flatMap(w -> w.protectionGroupId() != null ? java.util.stream.Stream.of(w.protectionGroupId())
                                : w.protectionGroupIds() == null ? java.util.stream.Stream.empty()
                                : w.protectionGroupIds().stream())
                        .findFirst())
                .flatMap(groupId -> context.stores().protectionGroups().get(groupId))
                .map(group -> group.region());
    }

}
