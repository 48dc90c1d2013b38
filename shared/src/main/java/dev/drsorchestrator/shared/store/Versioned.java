package dev.drsorchestrator.shared.store;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;

/**
 * The optimistic-locking rules of a single-key table: create writes version 1 only if the key is free, update writes
 * {@code expected + 1} only if the stored version is {@code expected}, delete removes only the version that was read.
 * Builds the conditional {@link Put}/{@link Delete} so a store can send them alone or inside a transaction.
 *
 * @param <T> the record type
 */
final class Versioned<T> {
    static final String CREATE_CONDITION = "attribute_not_exists(#key)";
    static final String VERSION_CONDITION = "#version = :expected";
    static final String VERSION = "version";

    private final String tableName;
    private final String keyName;
    private final ItemMapper<T> mapper;
    private final BiFunction<T, Long, T> withVersion;
    private final Function<T, Map<String, AttributeValue>> extraAttributes;

    Versioned(String tableName, String keyName, ItemMapper<T> mapper, BiFunction<T, Long, T> withVersion,
            Function<T, Map<String, AttributeValue>> extraAttributes) {
        this.tableName = tableName;
        this.keyName = keyName;
        this.mapper = mapper;
        this.withVersion = withVersion;
        this.extraAttributes = extraAttributes;
    }

    String tableName() {
        return tableName;
    }

    ItemMapper<T> mapper() {
        return mapper;
    }

    T withVersion(T value, long version) {
        return withVersion.apply(value, version);
    }

    Map<String, AttributeValue> item(T value) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(mapper.toItem(value));
        item.putAll(extraAttributes.apply(value));
        return item;
    }

    /** The put of a new item at version 1; {@code value} must already carry version 1. */
    Put createPut(T value) {
        return Put.builder().tableName(tableName).item(item(value))
                .conditionExpression(CREATE_CONDITION)
                .expressionAttributeNames(Map.of("#key", keyName))
                .build();
    }

    /** The put replacing version {@code expected}; {@code value} must already carry {@code expected + 1}. */
    Put updatePut(T value, long expected) {
        return Put.builder().tableName(tableName).item(item(value))
                .conditionExpression(VERSION_CONDITION)
                .expressionAttributeNames(Map.of("#version", VERSION))
                .expressionAttributeValues(Map.of(":expected", Attr.n(expected)))
                .build();
    }

    /** The delete of version {@code expected}. */
    Delete delete(Map<String, AttributeValue> key, long expected) {
        return Delete.builder().tableName(tableName).key(key)
                .conditionExpression(VERSION_CONDITION)
                .expressionAttributeNames(Map.of("#version", VERSION))
                .expressionAttributeValues(Map.of(":expected", Attr.n(expected)))
                .build();
    }
}
