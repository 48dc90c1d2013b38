package dev.drsorchestrator.query.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.TableReads;
import dev.drsorchestrator.query.support.Views;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Pagination;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code get_audit_logs}: audit records newest first, by user, target account or operation (each through its index)
 * within a time range; with none of those, day by day through the day index. Further filters narrow the chosen index
 * with placeholders only. Entries are projections: TTL and index helper attributes are left out.
 */
public final class AuditLogQueries {
    /** Longest range walked day by day when no user, account or operation is given. */
    static final int MAX_DAYS = 90;
    static final List<String> ENTRY_FIELDS = List.of("auditId", "timestamp", "operation", "invocationMode",
            "principalType", "principalArn", "userEmail", "cognitoGroups", "sessionName", "accountId",
            "sourceAccount", "targetAccount", "parameters", "requestId", "statusCode", "durationMs", "errorType",
            "errorMessage", "lambdaFunction");

    private final QueryContext context;

    private AuditLogQueries(QueryContext context) {
        this.context = context;
    }

    /** The operations of this group. */
    public static List<Operation> operations(QueryContext context) {
        AuditLogQueries audit = new AuditLogQueries(context);
        ServerConfigHistory history = new ServerConfigHistory(context);
        return List.of(
                Operation.of("get_audit_logs", Permission.AUDIT_READ, audit::list, Route.get("/audit-logs")),
                Operation.of("get_server_config_history", Permission.AUDIT_READ, history::history,
                        Route.get("/protection-groups/{id}/servers/{serverId}/audit-log")));
    }

    Object list(OperationRequest request) {
        Optional<String> user = Params.token(request, "userEmail");
        Optional<String> account = request.parameter("targetAccount").filter(v -> !v.isBlank())
                .map(v -> Validators.accountId("targetAccount", v.trim()));
        Optional<String> operation = Params.token(request, "operation");
        Instant end = time(request, "endTime").orElse(Instant.now(context.clock()));
        Instant start = time(request, "startTime").orElse(end.minus(MAX_DAYS - 1, ChronoUnit.DAYS));
        if (start.isAfter(end)) {
            throw new ValidationException("Field 'startTime' must not be after 'endTime'");
        }
        String query = String.join("|", "get_audit_logs", user.orElse(""), account.orElse(""),
                operation.orElse(""), start.toString(), end.toString());
        Pagination.Page page = context.pagination().read(request, query);

        Map<String, String> names = new LinkedHashMap<>(Map.of("#ts", "timestamp"));
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        values.put(":from", s(start.toString()));
        values.put(":to", s(end.toString()));
        List<String> filters = new ArrayList<>();
        String index;
        String keyName;
        String keyValue;
        if (user.isPresent()) {
            index = "UserEmailIndex";
            keyName = "userEmail";
            keyValue = user.get();
            account.ifPresent(a -> filter(filters, names, values, "targetAccount", a));
            operation.ifPresent(o -> filter(filters, names, values, "operation", o));
        } else if (account.isPresent()) {
            index = "TargetAccountIndex";
            keyName = "targetAccount";
            keyValue = account.get();
            operation.ifPresent(o -> filter(filters, names, values, "operation", o));
        } else if (operation.isPresent()) {
            index = "OperationIndex";
            keyName = "operation";
            keyValue = operation.get();
        } else {
            return byDay(page, query, start, end);
        }
        names.put("#k", keyName);
        values.put(":k", s(keyValue));
        TableReads.ItemPage items = context.reads().query(context.table(Table.AUDIT_LOG), index,
                "#k = :k AND #ts BETWEEN :from AND :to", filters.isEmpty() ? null : String.join(" AND ", filters),
                names, values, page.limit(), page.position(), true);
        return result(entries(items), context.pagination().nextToken(items.lastKey().orElse(null), query));
    }

    /** Walks the day index from the end day back to the start day; the position holds the day and its key. */
    private Object byDay(Pagination.Page page, String query, Instant start, Instant end) {
        LocalDate first = LocalDate.ofInstant(start, ZoneOffset.UTC);
        LocalDate day = page.position().map(p -> LocalDate.parse(p.path("day").asText()))
                .orElse(LocalDate.ofInstant(end, ZoneOffset.UTC));
        if (day.isBefore(first) || day.isAfter(LocalDate.ofInstant(end, ZoneOffset.UTC))) {
            throw new ValidationException("Field 'nextToken' is invalid or belongs to another query");
        }
        Optional<ObjectNode> key = page.position().map(p -> p.get("key")).filter(JsonNode::isObject)
                .map(k -> (ObjectNode) k);
        List<ObjectNode> entries = new ArrayList<>();
        String next = null;
        while (!day.isBefore(first)) {
            Map<String, AttributeValue> values = Map.of(":day", s(day.toString()), ":from", s(start.toString()),
                    ":to", s(end.toString()));
            TableReads.ItemPage items = context.reads().query(context.table(Table.AUDIT_LOG), "DayIndex",
                    "#day = :day AND #ts BETWEEN :from AND :to", null, Map.of("#day", "day", "#ts", "timestamp"),
                    values, page.limit() - entries.size(), key, true);
            entries.addAll(entries(items));
            if (items.lastKey().isPresent()) {
                next = token(day, items.lastKey().get(), query);
                break;
            }
            day = day.minusDays(1);
            key = Optional.empty();
            if (entries.size() >= page.limit()) {
                next = day.isBefore(first) ? null : token(day, null, query);
                break;
            }
        }
        return result(entries, next);
    }

    private String token(LocalDate day, ObjectNode key, String query) {
        ObjectNode position = Views.object();
        position.put("day", day.toString());
        if (key != null) {
            position.set("key", key);
        }
        return context.pagination().nextToken(position, query);
    }

    private static List<ObjectNode> entries(TableReads.ItemPage items) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode item : items.json()) {
            ObjectNode entry = Views.object();
            for (String field : ENTRY_FIELDS) {
                if (item.has(field)) {
                    entry.set(field, item.get(field));
                }
            }
            int status = item.path("statusCode").asInt(0);
            entry.put("decision", status == 401 || status == 403 ? "DENIED" : "ALLOWED");
            out.add(entry);
        }
        return out;
    }

    private static Map<String, Object> result(List<ObjectNode> entries, String nextToken) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", entries);
        out.put("count", entries.size());
        out.put("nextToken", nextToken);
        return out;
    }

    private static void filter(List<String> filters, Map<String, String> names, Map<String, AttributeValue> values,
            String field, String value) {
        int i = filters.size();
        names.put("#f" + i, field);
        values.put(":f" + i, s(value));
        filters.add("#f" + i + " = :f" + i);
    }

    static Optional<Instant> time(OperationRequest request, String name) {
        return request.parameter(name).filter(v -> !v.isBlank()).map(String::trim).map(v -> {
            try {
                return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant() : Instant.parse(v);
            } catch (DateTimeParseException e) {
                throw new ValidationException("Field '" + name + "' must be an ISO-8601 date or UTC time");
            }
        });
    }

    static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
