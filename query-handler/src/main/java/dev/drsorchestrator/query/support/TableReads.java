package dev.drsorchestrator.query.support;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.aws.AttributeValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * The raw DynamoDB reads query-handler needs beyond the stores: paged scans, paged index queries, projected reads and
 * counts. Only {@code Scan} and {@code Query} are called; expressions come from the callers' constants with
 * placeholders.
 */
public final class TableReads {
    private final Supplier<DynamoDbClient> dynamoDb;

    /** Reads through a client supplier (the handler's shared client). */
    public TableReads(Supplier<DynamoDbClient> dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    /** One page of items as JSON, with the key to continue from (empty on the last page). */
    public record ItemPage(List<Map<String, AttributeValue>> items, Optional<ObjectNode> lastKey) {
        /** The items as JSON objects. */
        public List<ObjectNode> json() {
            return items.stream().map(AttributeValues::itemToJson).toList();
        }
    }

    /** A page of a scan of {@code table}, at most {@code limit} items evaluated. */
    public ItemPage scan(String table, int limit, Optional<ObjectNode> startKey) {
        ScanRequest.Builder scan = ScanRequest.builder().tableName(table).limit(limit);
        startKey.ifPresent(key -> scan.exclusiveStartKey(AttributeValues.itemFromJson(key)));
        ScanResponse response = dynamoDb.get().scan(scan.build());
        return page(response.items(), response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }

    /** A page of a prepared scan (filters set by the caller from constants and placeholders). */
    public ItemPage scan(ScanRequest.Builder scan, Optional<ObjectNode> startKey) {
        startKey.ifPresent(key -> scan.exclusiveStartKey(AttributeValues.itemFromJson(key)));
        ScanResponse response = dynamoDb.get().scan(scan.build());
        return page(response.items(), response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }

    /**
     * A page of an index query, newest first when {@code newestFirst}.
     *
     * @param keyCondition a constant expression with {@code #name}/{@code :value} placeholders
     * @param filter       a constant filter expression, or null
     */
    public ItemPage query(String table, String index, String keyCondition, String filter, Map<String, String> names,
            Map<String, AttributeValue> values, int limit, Optional<ObjectNode> startKey, boolean newestFirst) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression(keyCondition).expressionAttributeNames(names)
                .expressionAttributeValues(values).limit(limit).scanIndexForward(!newestFirst);
        if (filter != null) {
            query.filterExpression(filter);
        }
        startKey.ifPresent(key -> query.exclusiveStartKey(AttributeValues.itemFromJson(key)));
        QueryResponse response = dynamoDb.get().query(query.build());
        return page(response.items(), response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }

    /**
     * The first {@code limit} items of an index query, newest first, with only the attributes named in
     * {@code names} returned (every {@code #placeholder} of the map is projected): for list views that need a few
     * fields of large items.
     */
    public List<Map<String, AttributeValue>> newestProjected(String table, String index, String keyCondition,
            Map<String, String> names, Map<String, AttributeValue> values, int limit) {
        String projection = String.join(", ", names.keySet());
        return dynamoDb.get().query(QueryRequest.builder().tableName(table).indexName(index)
                .keyConditionExpression(keyCondition).expressionAttributeNames(names)
                .expressionAttributeValues(values).projectionExpression(projection).limit(limit)
                .scanIndexForward(false).build()).items();
    }

    /**
     * How many items a table holds: a {@code Select=COUNT} scan over every page, so no item is read out. For tables
     * that stay small (recovery plans).
     */
    public int countAll(String table) {
        return allPages(ScanRequest.builder().tableName(table).select(Select.COUNT)).stream()
                .mapToInt(ScanResponse::count).sum();
    }

    /**
     * Every item of a small table (one scan, paged to the end): for tables bounded by accounts and regions, where one
     * scan is fewer round trips than a query per partition.
     */
    public List<Map<String, AttributeValue>> scanAll(String table) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        allPages(ScanRequest.builder().tableName(table)).forEach(page -> items.addAll(page.items()));
        return items;
    }

    /** Every page of a scan, following {@code LastEvaluatedKey} to the end. */
    private List<ScanResponse> allPages(ScanRequest.Builder scan) {
        List<ScanResponse> pages = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse page = dynamoDb.get().scan(scan.exclusiveStartKey(start).build());
            pages.add(page);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return pages;
    }

    private static ItemPage page(List<Map<String, AttributeValue>> items, Map<String, AttributeValue> lastKey) {
        Optional<ObjectNode> next = lastKey == null || lastKey.isEmpty() ? Optional.empty()
                : Optional.of(AttributeValues.itemToJson(lastKey));
        return new ItemPage(List.copyOf(items), next);
    }
}
