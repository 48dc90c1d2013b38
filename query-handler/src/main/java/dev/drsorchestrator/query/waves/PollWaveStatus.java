package dev.drsorchestrator.query.waves;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.Views;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.execution.JobSnapshot;
import dev.drsorchestrator.shared.execution.WaveCompletion;
import dev.drsorchestrator.shared.execution.WaveProgress;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.DrsJob;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.ServerExecution;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code poll_wave_status}, the state machine's read of a running wave: it asks DRS for the wave's jobs, decides
 * progress and completion with the shared {@link WaveCompletion} and {@link WaveProgress} rules, and answers seed
 * 000's shape in camelCase. It writes nothing; {@code update_wave_completion_status} in execution-handler persists.
 *
 * <p>The wave's jobs, region and account come from the state when it carries them, else from the stored execution.
 */
public final class PollWaveStatus {
    private final QueryContext context;

    private PollWaveStatus(QueryContext context) {
        this.context = context;
    }

    /** The operation; direct only (no API route), called by Step Functions. */
    public static List<Operation> operations(QueryContext context) {
        PollWaveStatus poll = new PollWaveStatus(context);
        return List.of(Operation.system("poll_wave_status", poll::poll));
    }

    /** The wave a poll is about. */
    record WaveRef(String executionId, String planId, int waveNumber, List<String> jobIds, String region,
            String accountId, List<String> serverIds) {
    }

    Object poll(OperationRequest request) {
        JsonNode state = request.bodyObject().get("state");
        if (state == null || !state.isObject()) {
            throw new ValidationException("Field 'state' is required and must be an object");
        }
        WaveRef wave = resolve((ObjectNode) state);
        AccountContext account = context.targets().ofOwner(request, wave.accountId(), null);
        List<DrsJob> jobs = context.gateways().drs(account, wave.region()).describeJobs(wave.jobIds());
        if (jobs.isEmpty()) {
            throw new NotFoundException("DRS jobs " + wave.jobIds() + " not found in " + wave.region());
        }
        List<JobSnapshot> snapshots = new ArrayList<>();
        List<ObjectNode> serverStatuses = new ArrayList<>();
        Set<String> reported = new LinkedHashSet<>();
        for (DrsJob job : jobs) {
            List<String> states = new ArrayList<>();
            for (DrsJob.ParticipatingServer server : job.participatingServers()) {
                if (!wave.serverIds().isEmpty() && !wave.serverIds().contains(server.sourceServerID())) {
                    continue;
                }
                reported.add(server.sourceServerID());
                states.add(server.launchStatus());
                ObjectNode status = Views.object();
                status.put("sourceServerId", server.sourceServerID());
                status.put("launchStatus", server.launchStatus() == null ? "PENDING" : server.launchStatus());
                status.put("jobId", job.jobId());
                if (server.recoveryInstanceID() != null) {
                    status.put("recoveryInstanceId", server.recoveryInstanceID());
                }
                serverStatuses.add(status);
            }
            snapshots.add(new JobSnapshot(job.status(), states));
        }
        List<String> missing = wave.serverIds().stream().filter(id -> !reported.contains(id)).toList();
        if (!missing.isEmpty()) {
            List<String> pending = new ArrayList<>();
            missing.forEach(id -> {
                pending.add(null);
                ObjectNode status = Views.object();
                status.put("sourceServerId", id);
                status.put("launchStatus", "PENDING");
                serverStatuses.add(status);
            });
            snapshots.add(new JobSnapshot(null, pending));
        }
        WaveCompletion completion = WaveCompletion.determine(snapshots);
        WaveProgress progress = completion.progress();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("executionId", wave.executionId());
        out.put("planId", wave.planId());
        out.put("waveNumber", wave.waveNumber());
        out.put("region", wave.region());
        if (wave.accountId() != null) {
            out.put("accountId", wave.accountId());
        }
        out.put("jobId", wave.jobIds().get(0));
        out.put("jobIds", wave.jobIds());
        out.put("jobStatus", combinedStatus(jobs));
        out.put("waveCompleted", completion.complete());
        if (completion instanceof WaveCompletion.Finished finished) {
            out.put("waveStatus", finished.outcome().name());
        } else {
            out.put("waveStatus", "IN_PROGRESS");
        }
        out.put("launchedCount", completion.launchedCount());
        out.put("failedCount", completion.failedCount());
        out.put("totalCount", completion.totalCount());
        out.put("serverStatuses", serverStatuses);
        Map<String, Object> progressView = new LinkedHashMap<>();
        progressView.put("percentComplete", progress.percentComplete());
        progressView.put("remainingCount", progress.remainingCount());
        progressView.put("successRate", progress.successRate());
        out.put("progress", progressView);
        return out;
    }

    private WaveRef resolve(ObjectNode state) {
        String executionId = text(state, "executionId", true);
        String planId = text(state, "planId", true);
        JsonNode number = state.get("waveNumber");
        if (number == null || !number.canConvertToInt() || number.asInt() < 0) {
            throw new ValidationException("Field 'state.waveNumber' must be a non-negative integer");
        }
        int waveNumber = number.asInt();
        List<String> jobIds = new ArrayList<>();
        String jobId = text(state, "jobId", false);
        if (jobId != null) {
            jobIds.add(Params.jobId("state.jobId", jobId));
        }
        JsonNode listed = state.get("jobIds");
        if (listed != null && listed.isArray()) {
            listed.forEach(j -> jobIds.add(Params.jobId("state.jobIds", j.asText())));
        }
        String region = text(state, "region", false);
        String accountId = text(state, "accountId", false);
        List<String> serverIds = new ArrayList<>();
        JsonNode servers = state.get("serverIds");
        if (servers != null && servers.isArray()) {
            servers.forEach(s -> serverIds.add(Validators.serverId("state.serverIds", s.asText())));
        }
        if (jobIds.isEmpty() || region == null) {
            WaveExecution stored = storedWave(executionId, planId, waveNumber);
            if (jobIds.isEmpty()) {
                if (stored.jobId() != null) {
                    jobIds.add(stored.jobId());
                }
                if (stored.jobIds() != null) {
                    stored.jobIds().stream().filter(id -> !jobIds.contains(id)).forEach(jobIds::add);
                }
            }
            if (region == null && stored.serverExecutions() != null) {
                region = stored.serverExecutions().stream().map(ServerExecution::region)
                        .filter(r -> r != null).findFirst().orElse(null);
            }
            if (serverIds.isEmpty() && stored.serverIds() != null) {
                serverIds.addAll(stored.serverIds());
            }
        }
        if (jobIds.isEmpty()) {
            throw new ValidationException("Field 'state.jobId' is required: wave " + waveNumber + " has no DRS job");
        }
        if (region == null) {
            throw new ValidationException("Field 'state.region' is required: the wave's region is not recorded");
        }
        Validators.region("state.region", region);
        if (accountId != null) {
            Validators.accountId("state.accountId", accountId);
        }
        return new WaveRef(executionId, planId, waveNumber, List.copyOf(new LinkedHashSet<>(jobIds)), region,
                accountId, List.copyOf(serverIds));
    }

    private WaveExecution storedWave(String executionId, String planId, int waveNumber) {
        Execution execution = context.stores().executions().get(executionId, planId)
                .orElseThrow(() -> new NotFoundException("Execution " + executionId + " not found"));
        if (execution.waves() == null) {
            throw new NotFoundException("Wave " + waveNumber + " of execution " + executionId + " not found");
        }
        return execution.waves().stream().filter(w -> w.waveNumber() != null && w.waveNumber() == waveNumber)
                .findFirst().orElseThrow(() -> new NotFoundException("Wave " + waveNumber + " of execution "
                        + executionId + " not found"));
    }

    private static String combinedStatus(List<DrsJob> jobs) {
        if (jobs.stream().allMatch(j -> "COMPLETED".equals(j.status()))) {
            return "COMPLETED";
        }
        if (jobs.stream().anyMatch(j -> "STARTED".equals(j.status()))) {
            return "STARTED";
        }
        return jobs.get(0).status();
    }

    private static String text(ObjectNode state, String field, boolean required) {
        JsonNode node = state.get(field);
        if (node == null || node.isNull() || node.asText().isBlank()) {
            if (required) {
                throw new ValidationException("Field 'state." + field + "' is required");
            }
            return null;
        }
        if (!node.isTextual()) {
            throw new ValidationException("Field 'state." + field + "' must be a string");
        }
        return Validators.stripControl(node.asText().trim());
    }
}
