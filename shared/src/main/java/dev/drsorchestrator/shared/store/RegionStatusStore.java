package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.model.RegionStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The region-status table (key {@code accountId} + {@code region}): the last sync outcome per account and region,
 * overwritten by each sync (no versioning: the sync is the only writer and the newest result is the truth).
 */
public final class RegionStatusStore {
    private final Supplier<DynamoDbClient> dynamoDb;
    private final String tableName;
    private final ItemMapper<RegionStatus> mapper = new ItemMapper<>(RegionStatus.class);

    /** A store over {@code tableName}. */
    public RegionStatusStore(Supplier<DynamoDbClient> dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    /** Writes (replaces) the status of one account and region. */
    public void put(RegionStatus status) {
        Attr.required(status.accountId(), "accountId");
        Attr.required(status.region(), "region");
        dynamoDb.get().putItem(r -> r.tableName(tableName).item(mapper.toItem(status)));
    }

    /**
     * Writes (replaces) many statuses with {@code BatchWriteItem}, 25 per call, unprocessed items retried; returns the
     * {@code accountId/region} of each status that could not be written.
     */
    public List<String> putAll(List<RegionStatus> statuses) {
        Map<String, List<WriteRequest>> byAccount = new LinkedHashMap<>();
        for (RegionStatus status : statuses) {
            Attr.required(status.accountId(), "accountId");
            Attr.required(status.region(), "region");
            byAccount.computeIfAbsent(status.accountId(), a -> new ArrayList<>())
                    .add(BatchWriter.put(mapper.toItem(status)));
        }
        List<String> failed = new ArrayList<>();
        byAccount.forEach((accountId, requests) -> new BatchWriter(dynamoDb, tableName, "region", 8, 50, 5_000,
                Thread::sleep).write(requests).failedIds().forEach(region -> failed.add(accountId + "/" + region)));
        return failed;
    }

    /** The status of one account and region. */
    public Optional<RegionStatus> get(String accountId, String region) {
        Map<String, AttributeValue> item = dynamoDb.get().getItem(r -> r.tableName(tableName)
                .key(Attr.key("accountId", accountId, "region", region))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(mapper.fromItem(item));
    }

    /** Every region status of an account, ordered by region. */
    public List<RegionStatus> listByAccount(String accountId) {
        List<RegionStatus> statuses = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamoDb.get().query(QueryRequest.builder().tableName(tableName)
                    .keyConditionExpression("#accountId = :accountId")
                    .expressionAttributeNames(Map.of("#accountId", "accountId"))
                    .expressionAttributeValues(Map.of(":accountId", Attr.s(accountId)))
                    .exclusiveStartKey(start).build());
            response.items().forEach(item -> statuses.add(mapper.fromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return statuses;
    }
}
