package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.execution.ExecutionStatus;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Finished executions counted per UTC day of their {@code startTime}, one item per day ({@code day} =
 * {@code YYYY-MM-DD}) with one number per finished status and a {@code changes} counter, so the dashboard reads a
 * month of counts with one {@code BatchGetItem} instead of counting executions. Only {@link ExecutionStore} changes
 * the counts, in the same transaction as the execution write that finishes, creates finished or deletes an
 * execution; this class only builds those transaction items, reads, and serves the rebuild.
 */
public final class ExecutionCountStore {
    static final String KEY = "day";
    /** Increased by every write of a day item; the rebuild replaces a day only if no other write came between. */
    static final String CHANGES = "changes";
    /** Most days one {@link #countsBetween} call reads: one {@code BatchGetItem}. */
    public static final int MAX_DAYS = 100;
    static final String ADD = "ADD #count :delta, #changes :one";
    static final String REPLACE_IF_UNCHANGED = "#changes = :changes";
    static final String REPLACE_IF_ABSENT = "attribute_not_exists(#day)";
    private static final int READ_ATTEMPTS = 8;

    private final Supplier<DynamoDbClient> dynamoDb;
    private final String tableName;
    private final BatchReader reader;

    /** A store over {@code tableName}. */
    public ExecutionCountStore(Supplier<DynamoDbClient> dynamoDb, String tableName) {
        this(dynamoDb, tableName, Thread::sleep);
    }

    ExecutionCountStore(Supplier<DynamoDbClient> dynamoDb, String tableName, Sleeper sleeper) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.reader = new BatchReader(dynamoDb, tableName, READ_ATTEMPTS, sleeper);
    }

    /**
     * The UTC day of a stored {@code startTime}: an ISO-8601 instant or offset date-time, or a local date-time read
     * as UTC; empty when it is none of them (such an execution is not counted, and the rebuild reports it).
     */
    public static Optional<LocalDate> dayOf(String startTime) {
        if (startTime == null || startTime.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.ofInstant(Instant.parse(startTime), ZoneOffset.UTC));
        } catch (DateTimeException notAnInstant) {
            try {
                return Optional.of(LocalDate.ofInstant(OffsetDateTime.parse(startTime).toInstant(), ZoneOffset.UTC));
            } catch (DateTimeException notOffset) {
                try {
                    return Optional.of(LocalDateTime.parse(startTime).toLocalDate());
                } catch (DateTimeException notLocal) {
                    return Optional.empty();
                }
            }
        }
    }

    /**
     * The finished status a stored status is counted under: exactly the wire name of a terminal status (the
     * dashboard's other reads and {@code list_executions} match statuses exactly too); empty for any other text.
     */
    public static Optional<ExecutionStatus> countedStatus(String storedStatus) {
        for (ExecutionStatus status : ExecutionStatus.values()) {
            if (status.isTerminal() && status.wireName().equals(storedStatus)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** The transaction item adding {@code delta} to the day's count of {@code status} (creating the day item). */
    TransactWriteItem change(LocalDate day, ExecutionStatus status, int delta) {
        return TransactWriteItem.builder().update(u -> u.tableName(tableName)
                .key(Attr.key(KEY, day.toString()))
                .updateExpression(ADD)
                .expressionAttributeNames(Map.of("#count", status.wireName(), "#changes", CHANGES))
                .expressionAttributeValues(Map.of(":delta", Attr.n(delta), ":one", Attr.n(1)))).build();
    }

    /**
     * The finished executions started from {@code first} to {@code last} (UTC days, both included), summed by
     * status; every finished status is present (0 when none). One strongly consistent {@code BatchGetItem}, its
     * unprocessed keys retried.
     *
     * @throws IllegalArgumentException when {@code last} is before {@code first} or the range exceeds {@link #MAX_DAYS}
     */
    public Map<ExecutionStatus, Long> countsBetween(LocalDate first, LocalDate last) {
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("a count covers 1 to " + MAX_DAYS + " days, not " + days);
        }
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            keys.add(Attr.key(KEY, day.toString()));
        }
        Map<ExecutionStatus, Long> sums = zeros();
        for (Map<String, AttributeValue> item : reader.read(KeysAndAttributes.builder().keys(keys)
                .consistentRead(true).build())) {
            sums.replaceAll((status, sum) -> sum + number(item, status.wireName()));
        }
        return sums;
    }

    /** Every day item's {@code changes} counter, read with a strongly consistent scan (the rebuild's baseline). */
    Map<LocalDate, Long> changesByDay() {
        Map<LocalDate, Long> changes = new HashMap<>();
        dynamoDb.get().scanPaginator(r -> r.tableName(tableName).consistentRead(true)).items()
                .forEach(item -> changes.put(LocalDate.parse(item.get(KEY).s()), number(item, CHANGES)));
        return changes;
    }

    /**
     * Replaces the day's counts with {@code counts} only if its {@code changes} counter is still {@code expected}
     * (empty: the day item must not exist), so a count changed by a live transaction meanwhile is never overwritten.
     *
     * @return false when the day changed since {@code expected} was read (the caller counts that day again)
     */
    boolean replace(LocalDate day, Map<ExecutionStatus, Long> counts, Optional<Long> expected) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(KEY, Attr.s(day.toString()));
        zeros().keySet().forEach(status -> item.put(status.wireName(), Attr.n(counts.getOrDefault(status, 0L))));
        item.put(CHANGES, Attr.n(expected.orElse(0L) + 1));
        try {
            dynamoDb.get().putItem(r -> {
                r.tableName(tableName).item(item);
                if (expected.isPresent()) {
                    r.conditionExpression(REPLACE_IF_UNCHANGED).expressionAttributeNames(Map.of("#changes", CHANGES))
                            .expressionAttributeValues(Map.of(":changes", Attr.n(expected.get())));
                } else {
                    r.conditionExpression(REPLACE_IF_ABSENT).expressionAttributeNames(Map.of("#day", KEY));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException | TransactionConflictException changed) {
            return false;
        }
    }

    /** A count of 0 for every finished status, in status order. */
    static Map<ExecutionStatus, Long> zeros() {
        Map<ExecutionStatus, Long> zeros = new EnumMap<>(ExecutionStatus.class);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            if (status.isTerminal()) {
                zeros.put(status, 0L);
            }
        }
        return zeros;
    }

    private static long number(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null || value.n() == null ? 0L : Long.parseLong(value.n());
    }
}
