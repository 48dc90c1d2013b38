package dev.drsorchestrator.query.drs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.TableReads;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Pagination;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * {@code get_source_server_inventory}: servers from the inventory table (not live DRS), filtered by account, regions,
 * replication state, other attributes and tags. One account in one region uses the account-region index; anything
 * wider is a filtered scan. Filter names come from an allow-list and every value is a placeholder.
 */
final class InventoryQueries {
    /** Attributes that may be filtered on by equality. */
    static final Set<String> FILTERABLE = Set.of("replicationState", "state", "hostname", "os", "instanceType",
            "sourceRegion", "lastLaunchResult", "sourceServerId");
    static final int MAX_FILTERS = 10;
    static final String TAG_PREFIX = "tag:";

    private final QueryContext context;

    InventoryQueries(QueryContext context) {
        this.context = context;
    }

    Object inventory(OperationRequest request) {
        Set<String> regions = new LinkedHashSet<>();
        Params.optionalRegion(request, "region").ifPresent(regions::add);
        request.parameter("regions").filter(v -> !v.isBlank()).ifPresent(list -> Arrays.stream(list.split(","))
                .map(String::trim).filter(r -> !r.isEmpty()).forEach(r -> regions.add(Validators.region("regions", r))));
        Optional<String> account = request.parameter("sourceAccountId").filter(v -> !v.isBlank())
                .map(v -> Validators.accountId("sourceAccountId", v.trim()));
        Map<String, String> filters = filters(request.parameter("filters").orElse(null));
        String query = String.join("|", "get_source_server_inventory", String.join(",", regions),
                account.orElse(""), Json.write(Json.mapper().valueToTree(filters)));
        Pagination.Page page = context.pagination().read(request, query);

        Expression expression = new Expression();
        filters.forEach((field, value) -> {
            if (field.startsWith(TAG_PREFIX)) {
                expression.tag(field.substring(TAG_PREFIX.length()), value);
            } else {
                expression.equal(field, value);
            }
        });
        String table = context.table(Table.SOURCE_SERVER_INVENTORY);
        TableReads.ItemPage items;
        if (account.isPresent() && regions.size() == 1) {
            expression.names.put("#ar", "accountRegion");
            expression.values.put(":ar", s(account.get() + "#" + regions.iterator().next()));
            items = context.reads().query(table, InventoryCounts.INDEX, InventoryCounts.BY_ACCOUNT_REGION,
                    expression.filter(), expression.names, expression.values, page.limit(), page.position(), false);
        } else {
            account.ifPresent(a -> expression.equal("accountId", a));
            if (!regions.isEmpty()) {
                expression.in("region", regions);
            }
            ScanRequest.Builder scan = ScanRequest.builder().tableName(table).limit(page.limit());
            if (expression.filter() != null) {
                scan.filterExpression(expression.filter()).expressionAttributeNames(expression.names)
                        .expressionAttributeValues(expression.values);
            }
            items = context.reads().scan(scan, page.position());
        }
        List<ObjectNode> servers = new ArrayList<>();
        for (ObjectNode item : items.json()) {
            item.put("sourceServerID", item.path("sourceServerId").asText());
            item.remove("accountRegion");
            if (item.has("lastSyncedAt")) {
                item.set("lastSyncTime", item.get("lastSyncedAt"));
            }
            servers.add(item);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("servers", servers);
        out.put("count", servers.size());
        out.put("regions", List.copyOf(regions));
        out.put("source", "inventory_database");
        out.put("nextToken", context.pagination().nextToken(items.lastKey().orElse(null), query));
        return out;
    }

    static Map<String, String> filters(String raw) {
        Map<String, String> out = new TreeMap<>();
        if (raw == null || raw.isBlank()) {
            return out;
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(raw);
        } catch (Exception e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            throw new ValidationException("Field 'filters' must be a JSON object of attribute equality filters");
        }
        if (node.size() > MAX_FILTERS) {
            throw new ValidationException("Field 'filters' must hold at most " + MAX_FILTERS + " filters");
        }
        node.fields().forEachRemaining(e -> {
            String field = e.getKey();
            boolean tag = field.startsWith(TAG_PREFIX) && field.length() > TAG_PREFIX.length()
                    && field.length() <= TAG_PREFIX.length() + Validators.TAG_KEY_MAX;
            if (!tag && !FILTERABLE.contains(field)) {
                throw new ValidationException("Field 'filters." + field + "' is not filterable; use one of "
                        + new java.util.TreeSet<>(FILTERABLE) + " or tag:<key>");
            }
            if (!e.getValue().isTextual() || e.getValue().asText().length() > Validators.TAG_VALUE_MAX) {
                throw new ValidationException("Field 'filters." + field + "' must be a string of at most "
                        + Validators.TAG_VALUE_MAX + " characters");
            }
            out.put(field, e.getValue().asText());
        });
        return out;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    /** A filter expression built from placeholders only. */
    private static final class Expression {
        final Map<String, String> names = new LinkedHashMap<>();
        final Map<String, AttributeValue> values = new LinkedHashMap<>();
        final List<String> terms = new ArrayList<>();

        void equal(String field, String value) {
            int i = terms.size();
            names.put("#f" + i, field);
            values.put(":v" + i, s(value));
            terms.add("#f" + i + " = :v" + i);
        }

        void tag(String key, String value) {
            int i = terms.size();
            names.put("#tags", "tags");
            names.put("#t" + i, key);
            values.put(":v" + i, s(value));
            terms.add("#tags.#t" + i + " = :v" + i);
        }

        void in(String field, Set<String> options) {
            int i = terms.size();
            names.put("#f" + i, field);
            List<String> placeholders = new ArrayList<>();
            int j = 0;
            for (String option : options) {
                String p = ":v" + i + "_" + j++;
                values.put(p, s(option));
                placeholders.add(p);
            }
            terms.add("#f" + i + " IN (" + String.join(", ", placeholders) + ")");
        }

        String filter() {
            return terms.isEmpty() ? null : String.join(" AND ", terms);
        }
    }
}
