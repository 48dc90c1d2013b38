package dev.drsorchestrator.shared.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Create, read, optimistic update and delete of a single-key table whose items carry no claims (target accounts,
 * tag-sync settings); the claiming stores use {@link Versioned} inside transactions instead.
 *
 * @param <T> the record type
 */
final class VersionedTable<T> {
    private final Supplier<DynamoDbClient> dynamoDb;
    private final Versioned<T> versioned;
    private final String kind;
    private final String keyName;
    private final Function<T, String> id;
    private final Function<T, Long> version;

    VersionedTable(Supplier<DynamoDbClient> dynamoDb, Versioned<T> versioned, String kind, String keyName,
            Function<T, String> id, Function<T, Long> version) {
        this.dynamoDb = dynamoDb;
        this.versioned = versioned;
        this.kind = kind;
        this.keyName = keyName;
        this.id = id;
        this.version = version;
    }

    Optional<T> get(String key) {
        Map<String, AttributeValue> item = dynamoDb.get().getItem(r -> r.tableName(versioned.tableName())
                .key(Attr.key(keyName, key)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(versioned.mapper().fromItem(item));
    }

    T require(String key) {
        return get(key).orElseThrow(() -> StoreErrors.notFound(kind, key));
    }

    T create(T value) {
        T stored = versioned.withVersion(value, 1L);
        try {
            dynamoDb.get().putItem(r -> r.applyMutation(b -> copy(b, versioned.createPut(stored))));
        } catch (ConditionalCheckFailedException e) {
            throw StoreErrors.alreadyExists(kind, id.apply(value));
        }
        return stored;
    }

    T update(T value, long expectedVersion) {
        T stored = versioned.withVersion(value, expectedVersion + 1);
        try {
            dynamoDb.get().putItem(r -> r.applyMutation(b -> copy(b, versioned.updatePut(stored, expectedVersion))));
        } catch (ConditionalCheckFailedException e) {
            throw conflictOrMissing(id.apply(value), expectedVersion);
        }
        return stored;
    }

    void delete(String key, long expectedVersion) {
        var delete = versioned.delete(Attr.key(keyName, key), expectedVersion);
        try {
            dynamoDb.get().deleteItem(r -> r.tableName(delete.tableName()).key(delete.key())
                    .conditionExpression(delete.conditionExpression())
                    .expressionAttributeNames(delete.expressionAttributeNames())
                    .expressionAttributeValues(delete.expressionAttributeValues()));
        } catch (ConditionalCheckFailedException e) {
            throw conflictOrMissing(key, expectedVersion);
        }
    }

    /** Every item; only for tables that stay small (a few hundred items at most). */
    List<T> scanAll() {
        List<T> items = new ArrayList<>();
        dynamoDb.get().scanPaginator(r -> r.tableName(versioned.tableName()).consistentRead(true)).items()
                .forEach(item -> items.add(versioned.mapper().fromItem(item)));
        return items;
    }

    RuntimeException conflictOrMissing(String key, long expectedVersion) {
        Optional<T> current = get(key);
        if (current.isEmpty()) {
            return StoreErrors.notFound(kind, key);
        }
        return StoreErrors.changed(kind, key, expectedVersion, Optional.ofNullable(version.apply(current.get())));
    }

    private static void copy(software.amazon.awssdk.services.dynamodb.model.PutItemRequest.Builder b,
            software.amazon.awssdk.services.dynamodb.model.Put put) {
        b.tableName(put.tableName()).item(put.item()).conditionExpression(put.conditionExpression())
                .expressionAttributeNames(put.expressionAttributeNames());
        if (put.hasExpressionAttributeValues()) {
            b.expressionAttributeValues(put.expressionAttributeValues());
        }
    }
}
