package dev.drsorchestrator.shared.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.model.InventoryServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The source-server inventory, written only by inventory sync: bulk writes that count every failure, removal of
 * servers that disappeared from an (account, region), reads by id batch and paginated reads by {@code accountRegion}.
 */
public final class InventoryStore {
    static final String KEY = "sourceServerId";
    static final String ACCOUNT_REGION_INDEX = "AccountRegionIndex";
    static final int BATCH_GET = 100;

    private final Supplier<DynamoDbClient> dynamoDb;
    private final String tableName;
    private final ItemMapper<InventoryServer> mapper = new ItemMapper<>(InventoryServer.class);
    private final BatchWriter writer;
    private final int maxAttempts;
    private final Sleeper sleeper;

    /** A store with production retry settings (8 attempts, 50 ms base, 5 s cap). */
    public InventoryStore(Supplier<DynamoDbClient> dynamoDb, String tableName) {
        this(dynamoDb, tableName, 8, Thread::sleep);
    }

    /** A store with explicit retry attempts and sleeper, for tests. */
    public InventoryStore(Supplier<DynamoDbClient> dynamoDb, String tableName, int maxAttempts, Sleeper sleeper) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
        this.writer = new BatchWriter(dynamoDb, tableName, KEY, maxAttempts, 50, 5_000, sleeper);
    }

    /** Writes every server (the last one wins when an id repeats); failures are counted by id, never dropped. */
    public BatchWriteResult writeAll(List<InventoryServer> servers) {
        Map<String, WriteRequest> requests = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (InventoryServer server : servers) {
            if (server.sourceServerId() == null || server.sourceServerId().isBlank()
                    || server.accountRegion() == null || server.accountRegion().isBlank()) {
                invalid.add(String.valueOf(server.sourceServerId()));
                continue;
            }
            requests.put(server.sourceServerId(), BatchWriter.put(InventoryItems.toItem(server)));
        }
        BatchWriteResult result = writer.write(new ArrayList<>(requests.values()));
        if (invalid.isEmpty()) {
            return result;
        }
        List<String> failed = new ArrayList<>(result.failedIds());
        failed.addAll(invalid);
        return new BatchWriteResult(result.successCount(), failed.size(), failed);
    }

    /** Removes the servers of {@code accountRegion} whose ids are not in {@code keepIds}; returns how many. */
    public int deleteStale(String accountRegion, Set<String> keepIds) {
        Set<String> stale = idsOf(accountRegion);
        stale.removeAll(keepIds);
        return deleteAll(stale);
    }

    /**
     * The ids of every server stored for {@code accountRegion} (a keys-only read of the index), so a sync can tell
     * which of them DRS no longer returns without reading the items.
     */
    public Set<String> idsOf(String accountRegion) {
        Set<String> ids = new HashSet<>();
        Optional<ObjectNode> start = Optional.empty();
        do {
            Page<String> page = ids(accountRegion, start);
            ids.addAll(page.items());
            start = page.lastEvaluatedKey();
        } while (start.isPresent());
        return ids;
    }

    /** Deletes these servers; returns how many deletes succeeded (deleting an absent id succeeds). */
    public int deleteAll(Set<String> sourceServerIds) {
        List<WriteRequest> deletes = new ArrayList<>();
        sourceServerIds.forEach(id -> deletes.add(BatchWriter.delete(Attr.key(KEY, id))));
        return writer.write(deletes).successCount();
    }

    /** One server, if present. */
    public Optional<InventoryServer> get(String sourceServerId) {
        Map<String, AttributeValue> item = dynamoDb.get().getItem(r -> r.tableName(tableName)
                .key(Attr.key(KEY, sourceServerId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(mapper.fromItem(item));
    }

    /** The servers of those ids that exist, in no particular order ({@code BatchGetItem}, unprocessed keys retried). */
    public List<InventoryServer> getAll(Set<String> sourceServerIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(sourceServerIds));
        List<InventoryServer> found = new ArrayList<>();
        for (int start = 0; start < ids.size(); start += BATCH_GET) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            ids.subList(start, Math.min(ids.size(), start + BATCH_GET)).forEach(id -> keys.add(Attr.key(KEY, id)));
            new BatchReader(dynamoDb, tableName, maxAttempts, sleeper)
                    .read(KeysAndAttributes.builder().keys(keys).build())
                    .forEach(item -> found.add(mapper.fromItem(item)));
        }
        return found;
    }

    /** A page of the servers of one {@code <accountId>#<region>}, ordered by id. */
    public Page<InventoryServer> listByAccountRegion(String accountRegion, int limit, Optional<ObjectNode> startKey) {
        QueryResponse response = dynamoDb.get().query(byAccountRegion(accountRegion, startKey).limit(limit).build());
        return Page.of(response.items().stream().map(mapper::fromItem).toList(),
                response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }

    private Page<String> ids(String accountRegion, Optional<ObjectNode> startKey) {
        QueryResponse response = dynamoDb.get().query(byAccountRegion(accountRegion, startKey)
                .projectionExpression("#id").expressionAttributeNames(Map.of("#ar", "accountRegion", "#id", KEY))
                .build());
        return Page.of(response.items().stream().map(item -> item.get(KEY).s()).toList(),
                response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }

    private QueryRequest.Builder byAccountRegion(String accountRegion, Optional<ObjectNode> startKey) {
        return QueryRequest.builder().tableName(tableName).indexName(ACCOUNT_REGION_INDEX)
                .keyConditionExpression("#ar = :ar")
                .expressionAttributeNames(Map.of("#ar", "accountRegion"))
                .expressionAttributeValues(Map.of(":ar", Attr.s(accountRegion)))
                .exclusiveStartKey(Page.startKey(startKey));
    }
}
