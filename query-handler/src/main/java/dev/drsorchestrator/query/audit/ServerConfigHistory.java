package dev.drsorchestrator.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.TableReads;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code get_server_config_history}: the launch-configuration changes of one server of a protection group, read from
 * the audit records of the operations that change it (through the operation index, newest first). A change lists the
 * fields the caller sent; the audit log keeps requests, not before-images, so {@code oldValue} stays null.
 */
final class ServerConfigHistory {
    /** The data-management operations that change a server's launch configuration. */
    static final List<String> CHANGING_OPERATIONS = List.of("update_server_launch_config",
            "delete_server_launch_config", "bulk_update_server_configs");
    /** Entries read per operation; the answer is the contract's unpaginated array. */
    static final int MAX_PER_OPERATION = 100;
    static final String KEY = "#op = :op AND #ts BETWEEN :from AND :to";
    static final String BY_GROUP = "#p.#id = :gid AND #sc < :err";

    private final QueryContext context;

    ServerConfigHistory(QueryContext context) {
        this.context = context;
    }

    Object history(OperationRequest request) {
        String groupId = Params.uuid(request, "id");
        String serverId = Validators.serverId("serverId", request.pathParameter("serverId"));
        Instant end = AuditLogQueries.time(request, "endDate").orElse(Instant.now(context.clock()));
        Instant start = AuditLogQueries.time(request, "startDate").orElse(end.minus(AuditLogQueries.MAX_DAYS,
                ChronoUnit.DAYS));
        if (start.isAfter(end)) {
            throw new ValidationException("Field 'startDate' must not be after 'endDate'");
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        for (String operation : CHANGING_OPERATIONS) {
            Map<String, AttributeValue> values = Map.of(":op", AuditLogQueries.s(operation),
                    ":from", AuditLogQueries.s(start.toString()), ":to", AuditLogQueries.s(end.toString()),
                    ":gid", AuditLogQueries.s(groupId), ":err", AttributeValue.builder().n("300").build());
            TableReads.ItemPage items = context.reads().query(context.table(Table.AUDIT_LOG), "OperationIndex", KEY,
                    BY_GROUP, Map.of("#op", "operation", "#ts", "timestamp", "#p", "parameters", "#id", "id",
                            "#sc", "statusCode"), values, MAX_PER_OPERATION, Optional.empty(), true);
            for (ObjectNode item : items.json()) {
                JsonNode parameters = item.path("parameters");
                if (concerns(parameters, serverId)) {
                    changes.add(change(item, operation, groupId, serverId));
                }
            }
        }
        changes.sort(Comparator.comparing((Map<String, Object> c) -> (String) c.get("timestamp")).reversed());
        return changes;
    }

    private static boolean concerns(JsonNode parameters, String serverId) {
        if (serverId.equals(parameters.path("serverId").asText())) {
            return true;
        }
        for (JsonNode server : parameters.path("servers")) {
            if (serverId.equals(server.path("sourceServerId").asText())
                    || serverId.equals(server.path("serverId").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Object> change(ObjectNode item, String operation, String groupId, String serverId) {
        JsonNode parameters = item.path("parameters");
        JsonNode template = parameters.path("launchTemplate");
        if (!template.isObject()) {
            for (JsonNode server : parameters.path("servers")) {
                if (serverId.equals(server.path("sourceServerId").asText())) {
                    template = server.path("launchTemplate");
                }
            }
        }
        List<Map<String, Object>> fields = new ArrayList<>();
        if (template.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = template.fields();
            it.forEachRemaining(e -> {
                Map<String, Object> field = new LinkedHashMap<>();
                field.put("field", e.getKey());
                field.put("oldValue", null);
                field.put("newValue", e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString());
                fields.add(field);
            });
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timestamp", item.path("timestamp").asText());
        out.put("user", item.has("userEmail") ? item.get("userEmail").asText() : item.path("principalArn").asText());
        out.put("action", operation);
        out.put("protectionGroupId", groupId);
        out.put("serverId", serverId);
        out.put("changes", fields);
        return out;
    }
}
