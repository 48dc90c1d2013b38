package dev.drsorchestrator.shared.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * {@code BatchWriteItem} in chunks of 25 with {@code UnprocessedItems} retried under exponential backoff with
 * jitter (half to all of the delay ceiling), a bounded number of attempts, and every item that still did not make
 * it counted as a failure by its key.
 * A chunk the service rejects as a whole (one oversized item) is retried item by item so only the bad item fails.
 */
final class BatchWriter {
    static final int CHUNK = 25;
    private static final Logger LOG = LoggerFactory.getLogger(BatchWriter.class);

    private final Supplier<DynamoDbClient> dynamoDb;
    private final String tableName;
    private final String keyName;
    private final int maxAttempts;
    private final long baseDelayMillis;
    private final long maxDelayMillis;
    private final Sleeper sleeper;

    BatchWriter(Supplier<DynamoDbClient> dynamoDb, String tableName, String keyName, int maxAttempts,
            long baseDelayMillis, long maxDelayMillis, Sleeper sleeper) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.keyName = keyName;
        this.maxAttempts = maxAttempts;
        this.baseDelayMillis = baseDelayMillis;
        this.maxDelayMillis = maxDelayMillis;
        this.sleeper = sleeper;
    }

    /** Writes the requests (puts or deletes), keyed by their item id. */
    BatchWriteResult write(List<WriteRequest> requests) {
        int success = 0;
        List<String> failed = new ArrayList<>();
        for (int start = 0; start < requests.size(); start += CHUNK) {
            List<WriteRequest> chunk = requests.subList(start, Math.min(requests.size(), start + CHUNK));
            List<String> chunkFailures = writeChunk(chunk);
            success += chunk.size() - chunkFailures.size();
            failed.addAll(chunkFailures);
        }
        return new BatchWriteResult(success, failed.size(), failed);
    }

    static WriteRequest put(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    static WriteRequest delete(Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key) {
        return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build();
    }

    private List<String> writeChunk(List<WriteRequest> chunk) {
        Map<String, WriteRequest> pending = new LinkedHashMap<>();
        chunk.forEach(request -> pending.put(idOf(request), request));
        for (int attempt = 1; attempt <= maxAttempts && !pending.isEmpty(); attempt++) {
            if (attempt > 1 && !pause(attempt)) {
                break;
            }
            try {
                BatchWriteItemResponse response = dynamoDb.get().batchWriteItem(r -> r.requestItems(
                        Map.of(tableName, List.copyOf(pending.values()))));
                List<WriteRequest> unprocessed = response.hasUnprocessedItems()
                        ? response.unprocessedItems().getOrDefault(tableName, List.of()) : List.of();
                Map<String, WriteRequest> again = new HashMap<>();
                unprocessed.forEach(request -> again.put(idOf(request), request));
                pending.keySet().retainAll(again.keySet());
            } catch (DynamoDbException e) {
                if (isThrottling(e)) {
                    continue;
                }
                return writeOneByOne(pending);
            }
        }
        if (!pending.isEmpty()) {
            LOG.warn("{} items of table {} were still unprocessed after {} attempts", pending.size(), tableName,
                    maxAttempts);
        }
        return new ArrayList<>(pending.keySet());
    }

    private List<String> writeOneByOne(Map<String, WriteRequest> pending) {
        List<String> failed = new ArrayList<>();
        pending.forEach((id, request) -> {
            try {
                if (request.putRequest() != null) {
                    dynamoDb.get().putItem(r -> r.tableName(tableName).item(request.putRequest().item()));
                } else {
                    dynamoDb.get().deleteItem(r -> r.tableName(tableName).key(request.deleteRequest().key()));
                }
            } catch (DynamoDbException e) {
                LOG.warn("Item {} of table {} was rejected: {}", id, tableName, e.getClass().getSimpleName());
                failed.add(id);
            }
        });
        return failed;
    }

    private boolean pause(int attempt) {
        long ceiling = Math.min(maxDelayMillis, baseDelayMillis << Math.min(attempt - 1, 20));
        try {
            sleeper.sleep(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String idOf(WriteRequest request) {
        var attributes = request.putRequest() != null ? request.putRequest().item() : request.deleteRequest().key();
        return attributes.get(keyName).s();
    }

    private static boolean isThrottling(DynamoDbException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.isThrottlingException() || "ProvisionedThroughputExceededException".equals(code)
                || "RequestLimitExceeded".equals(code) || "ThrottlingException".equals(code);
    }
}
