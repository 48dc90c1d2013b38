package dev.drsorchestrator.shared.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * One {@code BatchGetItem} of up to 100 keys with {@code UnprocessedKeys} retried under exponential backoff; keys
 * still unprocessed after the last attempt are an error, because a read that silently omits items would look like
 * servers that do not exist.
 */
final class BatchReader {
    private final Supplier<DynamoDbClient> dynamoDb;
    private final String tableName;
    private final int maxAttempts;
    private final Sleeper sleeper;

    BatchReader(Supplier<DynamoDbClient> dynamoDb, String tableName, int maxAttempts, Sleeper sleeper) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
    }

    List<Map<String, AttributeValue>> read(KeysAndAttributes keys) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        KeysAndAttributes pending = keys;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            KeysAndAttributes request = pending;
            BatchGetItemResponse response = dynamoDb.get().batchGetItem(r -> r.requestItems(
                    Map.of(tableName, request)));
            items.addAll(response.responses().getOrDefault(tableName, List.of()));
            KeysAndAttributes unprocessed = response.hasUnprocessedKeys()
                    ? response.unprocessedKeys().get(tableName) : null;
            if (unprocessed == null || !unprocessed.hasKeys() || unprocessed.keys().isEmpty()) {
                return items;
            }
            pending = unprocessed;
            try {
                sleeper.sleep(Math.min(5_000L, 50L << Math.min(attempt - 1, 20)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new IllegalStateException("BatchGetItem on " + tableName + " left keys unprocessed after "
                + maxAttempts + " attempts");
    }
}
