package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.json.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * How an execution that ends while DRS jobs are still launching says so. DRS cannot recall a started job, so the
 * wave keeps its job ids and records them under {@code error.openJobIds}; {@code terminate_instances} and
 * {@code poll} read that list to find (and wait for) the instances those jobs launch after the execution ended.
 */
final class OpenJobs {
    static final String ERROR_CODE = "EXECUTION_ENDED_WHILE_LAUNCHING";
    static final String FIELD = "openJobIds";

    private OpenJobs() {
    }

    /** The wave's status message: what ended it and which DRS jobs may still launch instances. */
    static String waveMessage(ExecutionStatus target, String reason, List<String> jobIds) {
        String why = reason == null || reason.isBlank() ? "" : " (" + reason + ")";
        if (jobIds.isEmpty()) {
            return "Execution ended " + target + why + " while this wave was starting; no DRS job had started";
        }
        return "Execution ended " + target + why + " while this wave was running; DRS job(s) "
                + String.join(", ", jobIds) + " were still launching and may still create recovery instances: "
                + "terminate them with terminate_instances once the jobs finish";
    }

    /** The execution's error message with the jobs left running appended. */
    static String executionMessage(String reason, List<String> jobIds) {
        String base = reason == null || reason.isBlank() ? "Execution ended" : reason;
        return base + ". DRS job(s) " + String.join(", ", jobIds) + " were still launching when it ended; their "
                + "recovery instances can be terminated with terminate_instances once the jobs finish";
    }

    /** The wave's {@code error} object naming the jobs. */
    static JsonNode error(ExecutionStatus target, String reason, List<String> jobIds) {
        ObjectNode error = Json.mapper().createObjectNode();
        error.put("errorCode", ERROR_CODE);
        error.put("executionStatus", target.wireName());
        if (reason != null) {
            error.put("reason", reason);
        }
        jobIds.forEach(error.putArray(FIELD)::add);
        return error;
    }

    /** The open job ids recorded on a wave's error, empty when none. */
    static List<String> of(JsonNode waveError) {
        List<String> ids = new ArrayList<>();
        if (waveError != null && waveError.path(FIELD).isArray()) {
            waveError.get(FIELD).forEach(id -> ids.add(id.asText()));
        }
        return ids;
    }
}
