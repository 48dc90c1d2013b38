package dev.drsorchestrator.query.waves;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.execution.JobSnapshot;
import dev.drsorchestrator.shared.execution.WaveCompletion;
import dev.drsorchestrator.shared.execution.WaveProgress;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.DrsJob;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code poll_wave_status}: reads the DRS jobs of one wave and reports job status, launch counts, per-server status
 * and progress. It only reads (ARCHITECTURE section 4); execution-handler's update_wave_completion_status persists
 * what it returns. A job DRS does not (yet) report keeps the wave in progress.
 */
public final class PollWaveStatus {
    private final Gateways gateways;

    /** The poll over the handler's gateways. */
    public PollWaveStatus(Gateways gateways) {
        this.gateways = gateways;
    }

    /** Runs the poll for the request's {@code state}. */
    public Object poll(OperationRequest request) {
        JsonNode state = request.bodyObject().get("state");
        if (state == null || !state.isObject()) {
            throw new ValidationException("Field 'state' is required and must be an object");
        }
        List<String> jobIds = jobIds(state);
        String region = Validators.region("state.region", text(state, "region"));
        String accountId = state.hasNonNull("accountId") ? state.get("accountId").asText() : null;
        AccountContext account = accountId == null || accountId.isBlank() ? AccountContext.hub()
                : AccountContext.target(accountId, null, null);
        if (accountId != null && !accountId.isBlank()) {
            request.auditTargetAccount(accountId);
        }
        Map<String, DrsJob> found = gateways.drs(account, region).describeJobs(jobIds).stream()
                .collect(Collectors.toMap(DrsJob::jobId, Function.identity(), (a, b) -> a));
        List<JobSnapshot> snapshots = new ArrayList<>();
        ArrayNode servers = Json.mapper().createArrayNode();
        boolean allCompleted = true;
        boolean anyStarted = false;
        for (String jobId : jobIds) {
            DrsJob job = found.get(jobId);
            String status = job == null ? "PENDING" : job.status();
            allCompleted &= "COMPLETED".equals(status);
            anyStarted |= "STARTED".equals(status) || "COMPLETED".equals(status);
            List<String> states = new ArrayList<>();
            if (job != null) {
                for (DrsJob.ParticipatingServer server : job.participatingServers()) {
                    states.add(server.launchStatus());
                    ObjectNode entry = servers.addObject();
                    entry.put("sourceServerID", server.sourceServerID());
                    entry.put("launchStatus", server.launchStatus());
                    entry.put("recoveryInstanceID", server.recoveryInstanceID());
                    entry.put("jobId", jobId);
                }
            }
            snapshots.add(new JobSnapshot(status, states));
        }
        WaveCompletion completion = WaveCompletion.determine(snapshots);
        WaveProgress progress = completion.progress();
        ObjectNode result = Json.mapper().createObjectNode();
        result.put("jobStatus", allCompleted ? "COMPLETED" : anyStarted ? "STARTED" : "PENDING");
        result.put("waveCompleted", completion.complete());
        result.put("launchedCount", completion.launchedCount());
        result.put("failedCount", completion.failedCount());
        result.put("totalCount", completion.totalCount());
        result.set("serverStatuses", servers);
        result.set("progress", Json.mapper().valueToTree(progress));
        return result;
    }

    private static List<String> jobIds(JsonNode state) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode id : state.path("jobIds")) {
            if (id.isTextual() && !id.textValue().isBlank()) {
                ids.add(id.textValue());
            }
        }
        if (ids.isEmpty() && state.hasNonNull("jobId")) {
            ids.add(text(state, "jobId"));
        }
        if (ids.isEmpty()) {
            throw new ValidationException("Field 'state.jobId' (or 'state.jobIds') is required: the wave has no "
                    + "DRS job to poll");
        }
        return List.copyOf(ids);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.textValue().isBlank()) {
            throw new ValidationException("Field 'state." + field + "' is required and must be a non-empty string");
        }
        return value.textValue();
    }
}
