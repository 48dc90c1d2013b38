package dev.drsorchestrator.shared.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.model.RecoveryInstance;
import java.util.ArrayList;
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
 * The recovery-instance cache: written by recovery-instance sync (bulk, failures counted like inventory), read by
 * source server ({@code SourceServerIndex}) and by {@code accountRegion} ({@code AccountRegionIndex}, paginated).
 */
public final class RecoveryInstanceStore {
    static final String KEY = "recoveryInstanceId";

    private final Supplier<DynamoDbClient> dynamoDb;
    private final String tableName;
    private final ItemMapper<RecoveryInstance> mapper = new ItemMapper<>(RecoveryInstance.class);
    private final BatchWriter writer;

    /** A store over {@code tableName} with production retry settings. */
    public RecoveryInstanceStore(Supplier<DynamoDbClient> dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.writer = new BatchWriter(dynamoDb, tableName, KEY, 8, 50, 5_000, Thread::sleep);
    }

    /** Writes (replaces) one instance. */
    public void put(RecoveryInstance instance) {
        Attr.required(instance.recoveryInstanceId(), KEY);
        dynamoDb.get().putItem(r -> r.tableName(tableName).item(mapper.toItem(instance)));
    }

    /** Writes many instances in batches; failures are counted by id. */
    public BatchWriteResult putAll(List<RecoveryInstance> instances) {
        List<WriteRequest> requests = new ArrayList<>();
        instances.forEach(i -> requests.add(BatchWriter.put(mapper.toItem(i))));
        return writer.write(requests);
    }

    /** Removes one instance (after termination). */
    public void delete(String recoveryInstanceId) {
        dynamoDb.get().deleteItem(r -> r.tableName(tableName).key(Attr.key(KEY, recoveryInstanceId)));
    }

    /** One instance, if cached. */
    public Optional<RecoveryInstance> get(String recoveryInstanceId) {
        Map<String, AttributeValue> item = dynamoDb.get().getItem(r -> r.tableName(tableName)
                .key(Attr.key(KEY, recoveryInstanceId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(mapper.fromItem(item));
    }

    /** Every cached instance of a source server. */
    public List<RecoveryInstance> listBySourceServer(String sourceServerId) {
        List<RecoveryInstance> instances = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            QueryResponse response = dynamoDb.get().query(QueryRequest.builder().tableName(tableName)
                    .indexName("SourceServerIndex").keyConditionExpression("#s = :s")
                    .expressionAttributeNames(Map.of("#s", "sourceServerId"))
                    .expressionAttributeValues(Map.of(":s", Attr.s(sourceServerId)))
                    .exclusiveStartKey(start).build());
            response.items().forEach(item -> instances.add(mapper.fromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return instances;
    }

    /** A page of the instances of one {@code <accountId>#<region>}. */
    public Page<RecoveryInstance> listByAccountRegion(String accountRegion, int limit, Optional<ObjectNode> startKey) {
        QueryResponse response = dynamoDb.get().query(QueryRequest.builder().tableName(tableName)
                .indexName("AccountRegionIndex").keyConditionExpression("#ar = :ar")
                .expressionAttributeNames(Map.of("#ar", "accountRegion"))
                .expressionAttributeValues(Map.of(":ar", Attr.s(accountRegion)))
                .limit(limit).exclusiveStartKey(Page.startKey(startKey)).build());
        return Page.of(response.items().stream().map(mapper::fromItem).toList(),
                response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }
}
