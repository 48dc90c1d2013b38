package dev.drsorchestrator.query.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.shared.store.Page;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The execution projections: the list item (no per-server detail, no task token) and the active executions every
 * conflict check and the dashboard start from.
 */
public final class ExecutionViews {
    /** Upper bound of active executions read at once; DRS allows 20 concurrent jobs, so this is far above real use. */
    public static final int MAX_ACTIVE = 500;

    private ExecutionViews() {
    }

    /** The list projection of an execution, in the original frontend's field names. */
    public static ObjectNode listItem(Execution e) {
        ObjectNode view = Views.object();
        view.put("executionId", e.executionId());
        view.put("planId", e.planId());
        view.put("recoveryPlanId", e.planId());
        putText(view, "planName", e.planName());
        putText(view, "recoveryPlanName", e.planName());
        putText(view, "status", e.status());
        putText(view, "executionType", e.executionType());
        putText(view, "startTime", e.startTime());
        putText(view, "endTime", e.endTime());
        Long duration = durationSeconds(e);
        if (duration != null) {
            view.put("duration", duration);
        }
        if (e.currentWave() != null) {
            view.put("currentWave", e.currentWave());
        }
        view.put("totalWaves", e.totalWaves() == null ? (e.waves() == null ? 0 : e.waves().size()) : e.totalWaves());
        putText(view, "initiatedBy", e.initiatedBy());
        putText(view, "executedBy", e.initiatedBy());
        putText(view, "accountId", e.accountId());
        view.put("hasActiveDrsJobs", hasActiveJobs(e));
        return view;
    }

    /** Every execution in an active status (pending, running, paused, cancelling), newest first per status. */
    public static List<Execution> active(QueryContext context) {
        List<Execution> out = new ArrayList<>();
        for (ExecutionStatus status : ExecutionStatus.values()) {
            if (status.isActive()) {
                out.addAll(activeIn(context, status, MAX_ACTIVE - out.size()));
            }
        }
        return out;
    }

    /**
     * The executions in one status, newest first: the first page of 100, then further pages while fewer than
     * {@code atMost} are read (so a page may overshoot it); the dashboard reads the active statuses concurrently.
     */
    public static List<Execution> activeIn(QueryContext context, ExecutionStatus status, int atMost) {
        List<Execution> out = new ArrayList<>();
        java.util.Optional<ObjectNode> start = java.util.Optional.empty();
        do {
            Page<Execution> page = context.stores().executions().listByStatus(status, 100, start);
            out.addAll(page.items());
            start = page.lastEvaluatedKey();
        } while (start.isPresent() && out.size() < atMost);
        return out;
    }

    /** Whether a wave of the execution has a DRS job that has not reached a final wave status. */
    public static boolean hasActiveJobs(Execution e) {
        if (e.waves() == null || !ExecutionStatus.fromWire(e.status()).map(ExecutionStatus::isActive).orElse(false)) {
            return false;
        }
        for (WaveExecution wave : e.waves()) {
            boolean hasJob = wave.jobId() != null || (wave.jobIds() != null && !wave.jobIds().isEmpty());
            boolean finished = wave.endTime() != null;
            if (hasJob && !finished) {
                return true;
            }
        }
        return false;
    }

    private static Long durationSeconds(Execution e) {
        if (e.startTime() == null || e.endTime() == null) {
            return null;
        }
        try {
            return Duration.between(Instant.parse(e.startTime()), Instant.parse(e.endTime())).toSeconds();
        } catch (DateTimeParseException notIso) {
            return null;
        }
    }

    private static void putText(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** A JSON array of list items. */
    public static com.fasterxml.jackson.databind.node.ArrayNode listItems(List<Execution> executions) {
        com.fasterxml.jackson.databind.node.ArrayNode out = Json.mapper().createArrayNode();
        executions.forEach(e -> out.add(listItem(e)));
        return out;
    }
}
