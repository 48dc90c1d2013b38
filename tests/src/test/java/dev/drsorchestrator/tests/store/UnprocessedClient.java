package dev.drsorchestrator.tests.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * A real DynamoDB Local client that, like a throttled table, processes only part of each batch: it sends the first
 * {@code keep} requests of every batch call to the server and hands the rest back as unprocessed.
 */
final class UnprocessedClient implements DynamoDbClient {
    private final DynamoDbClient delegate;
    private final int keep;
    final AtomicInteger batchWriteCalls = new AtomicInteger();
    final AtomicInteger batchGetCalls = new AtomicInteger();

    /** {@code keep} requests of each batch are processed; 0 means none ever are. */
    UnprocessedClient(DynamoDbClient delegate, int keep) {
        this.delegate = delegate;
        this.keep = keep;
    }

    @Override
    public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
        batchWriteCalls.incrementAndGet();
        Map.Entry<String, List<WriteRequest>> entry = request.requestItems().entrySet().iterator().next();
        List<WriteRequest> all = entry.getValue();
        int processed = Math.min(keep, all.size());
        if (processed > 0) {
            delegate.batchWriteItem(r -> r.requestItems(Map.of(entry.getKey(), all.subList(0, processed))));
        }
        List<WriteRequest> rest = new ArrayList<>(all.subList(processed, all.size()));
        return BatchWriteItemResponse.builder()
                .unprocessedItems(rest.isEmpty() ? Map.of() : Map.of(entry.getKey(), rest)).build();
    }

    @Override
    public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
        batchGetCalls.incrementAndGet();
        Map.Entry<String, KeysAndAttributes> entry = request.requestItems().entrySet().iterator().next();
        var keys = entry.getValue().keys();
        int processed = Math.min(Math.max(keep, 1), keys.size());
        BatchGetItemResponse partial = delegate.batchGetItem(r -> r.requestItems(Map.of(entry.getKey(),
                KeysAndAttributes.builder().keys(keys.subList(0, processed)).build())));
        var rest = keys.subList(processed, keys.size());
        return BatchGetItemResponse.builder().responses(partial.responses())
                .unprocessedKeys(rest.isEmpty() ? Map.of()
                        : Map.of(entry.getKey(), KeysAndAttributes.builder().keys(rest).build())).build();
    }

    @Override
    public QueryResponse query(QueryRequest request) {
        return delegate.query(request);
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        return delegate.getItem(request);
    }

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        return delegate.putItem(request);
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        return delegate.deleteItem(request);
    }

    @Override
    public String serviceName() {
        return delegate.serviceName();
    }

    @Override
    public void close() {
        // the delegate belongs to the fixture
    }
}
