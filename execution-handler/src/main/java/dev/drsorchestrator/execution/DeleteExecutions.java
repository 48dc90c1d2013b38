package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.store.Page;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code delete_executions} ({@code DELETE /executions}): removes finished executions from the history, the listed
 * ones or, without {@code ids}, every finished one. An execution that has not ended is never deleted: it is
 * reported in {@code activeExecutionsSkipped} with its status. The delete itself is conditional on a final status,
 * so it cannot race a running execution. Finished executions hold no server claims; any claim one still owns (a
 * release that failed when it ended) is released with it and counted, so a deleted execution never blocks a server.
 */
final class DeleteExecutions {
    static final int MAX_IDS = 100;
    /** At most this many executions are deleted by one request without ids; the answer says when more remain. */
    static final int MAX_SWEEP = 500;
    private static final Logger LOG = LoggerFactory.getLogger(DeleteExecutions.class);
    private static final Pattern EXECUTION_ID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final int PAGE = 100;

    private final ExecutionServices services;

    DeleteExecutions(ExecutionServices services) {
        this.services = services;
    }

    Object delete(OperationRequest request) {
        Optional<List<String>> ids = ids(request);
        Outcome outcome = new Outcome();
        if (ids.isPresent()) {
            outcome.requested = ids.get().size();
            for (String id : ids.get()) {
                Optional<Execution> execution = services.executions().get(id);
                if (execution.isEmpty()) {
                    outcome.notFound.add(id);
                } else {
                    deleteOne(execution.get(), outcome);
                }
            }
        } else {
            sweep(outcome);
        }
        return outcome.body(ids.isPresent());
    }

    /** The ids to delete, or empty for "every finished execution"; a malformed list is a 400 naming the field. */
    static Optional<List<String>> ids(OperationRequest request) {
        String raw = request.queryParameter("ids").orElse(null);
        List<String> ids = new ArrayList<>();
        if (raw == null) {
            JsonNode body = request.bodyObject().get("ids");
            if (body == null || body.isNull()) {
                return Optional.empty();
            }
            if (body.isArray()) {
                body.forEach(id -> ids.add(id.isTextual() ? id.textValue() : id.toString()));
            } else if (body.isTextual()) {
                raw = body.textValue();
            } else {
                throw new ValidationException("Field 'ids' must be a comma-separated string or an array of "
                        + "execution ids");
            }
        }
        if (raw != null) {
            for (String part : raw.split(",", -1)) {
                ids.add(part.trim());
            }
        }
        if (ids.isEmpty() || ids.size() > MAX_IDS) {
            throw new ValidationException("Field 'ids' must list 1 to " + MAX_IDS + " execution ids (got "
                    + ids.size() + "); omit it to delete every finished execution");
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String id : ids) {
            if (!EXECUTION_ID.matcher(id).matches()) {
                throw new ValidationException("Field 'ids' must hold execution ids (UUIDs); '"
                        + (id.length() > 40 ? id.substring(0, 40) + "..." : id) + "' is not one");
            }
            unique.add(id);
        }
        return Optional.of(List.copyOf(unique));
    }

    private void sweep(Outcome outcome) {
        for (ExecutionStatus status : ExecutionStatus.values()) {
            Optional<ObjectNode> start = Optional.empty();
            do {
                Page<Execution> page = services.executions().listByStatus(status, PAGE, start);
                for (Execution execution : page.items()) {
                    outcome.scanned++;
                    if (!status.isTerminal()) {
                        outcome.activePreserved++;
                    } else if (outcome.deleted < MAX_SWEEP) {
                        outcome.finishedFound++;
                        deleteOne(execution, outcome);
                    } else {
                        outcome.finishedFound++;
                        outcome.remaining = true;
                    }
                }
                start = page.lastEvaluatedKey();
            } while (start.isPresent());
        }
    }

    private void deleteOne(Execution execution, Outcome outcome) {
        ExecutionStatus status = Transitions.status(execution);
        if (!status.isTerminal() || ExecutionStatus.fromWire(execution.status()).isEmpty()) {
            outcome.activeSkipped.add(skipped(execution, "Execution has not ended; cancel it first or wait for it "
                    + "to finish"));
            return;
        }
        try {
            int stale = services.executions().releaseServers(execution.executionId(),
                    execution.serverIds() == null ? List.of() : execution.serverIds());
            if (stale > 0) {
                LOG.warn("Finished execution {} still held {} server claim(s); released before deleting",
                        execution.executionId(), stale);
                outcome.staleClaims += stale;
            }
            if (services.executions().deleteFinished(execution.executionId(), execution.planId())) {
                outcome.deleted++;
            } else {
                outcome.activeSkipped.add(skipped(execution, "Execution changed while it was being deleted"));
            }
        } catch (RuntimeException e) {
            LOG.error("Deleting execution {} failed", execution.executionId(), e);
            outcome.failed.add(Map.of("executionId", execution.executionId(), "error",
                    "Delete failed; try again"));
        }
    }

    private static Map<String, Object> skipped(Execution execution, String reason) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("executionId", execution.executionId());
        entry.put("status", execution.status());
        entry.put("reason", reason);
        return entry;
    }

    /** What one request did, in the contract's {@code DeleteExecutionsResponse} shape. */
    private static final class Outcome {
        int requested;
        int scanned;
        int finishedFound;
        int activePreserved;
        int deleted;
        int staleClaims;
        boolean remaining;
        final List<String> notFound = new ArrayList<>();
        final List<Map<String, Object>> activeSkipped = new ArrayList<>();
        final List<Map<String, Object>> failed = new ArrayList<>();

        Map<String, Object> body(boolean listed) {
            Map<String, Object> body = new LinkedHashMap<>();
            String message = "Deleted " + deleted + " finished execution(s)";
            if (!activeSkipped.isEmpty()) {
                message += "; " + activeSkipped.size() + " not ended and kept";
            }
            if (!notFound.isEmpty()) {
                message += "; " + notFound.size() + " not found";
            }
            body.put("message", message);
            body.put("deletedCount", deleted);
            if (listed) {
                body.put("totalRequested", requested);
            } else {
                body.put("totalScanned", scanned);
                body.put("completedFound", finishedFound);
                body.put("activePreserved", activePreserved);
            }
            body.put("notFound", notFound.size());
            body.put("activeSkipped", activeSkipped.size());
            body.put("failed", failed.size());
            body.put("notFoundIds", notFound);
            body.put("activeExecutionsSkipped", activeSkipped);
            body.put("failedDeletes", failed);
            body.put("staleClaimsReleased", staleClaims);
            if (remaining) {
                body.put("warning", "More than " + MAX_SWEEP + " finished executions: " + MAX_SWEEP
                        + " were deleted, call again to delete the rest");
            }
            return body;
        }
    }
}
