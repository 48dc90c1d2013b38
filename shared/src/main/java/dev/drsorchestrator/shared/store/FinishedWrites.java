package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.model.Execution;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The execution writes that change a finished count: creating an execution in a finished status, the transition
 * into one, and deleting a finished execution. Each is one transaction of the execution write and the day-count
 * change ({@link CountedWrite}); {@link ExecutionStore} routes exactly these writes here and every other write stays a
 * plain single-item write.
 *
 * <p>A transaction cannot return the item it wrote. The transition therefore reads the execution first (strongly
 * consistent), conditions the write on that read's status <em>and</em> version, and answers the read with the
 * changes applied: because nothing else can have written in between (the version would differ and the transaction
 * fail), that is exactly the stored item, as {@code ReturnValues=ALL_NEW} would have answered. A concurrent writer of
 * another attribute makes it read again (bounded); a changed status is the same 409 as before.
 */
final class FinishedWrites {
    static final String FINISH = ExecutionStore.TRANSITION_TERMINAL;
    static final String FINISH_CONDITION = "#status = :from AND #version = :version";
    static final String CREATE_CONDITION = "attribute_not_exists(#executionId)";
    static final String DELETE_CONDITION = "#status = :status";
    static final int MAX_READS = 5;

    private final String tableName;
    private final Clock clock;
    private final ItemMapper<Execution> mapper;
    private final ExecutionCountStore counts;
    private final CountedWrite writer;
    private final BiFunction<String, String, Optional<Execution>> reader;

    FinishedWrites(Supplier<DynamoDbClient> dynamoDb, String tableName, Clock clock, ItemMapper<Execution> mapper,
            ExecutionCountStore counts, Sleeper sleeper, BiFunction<String, String, Optional<Execution>> reader) {
        this.tableName = tableName;
        this.clock = clock;
        this.mapper = mapper;
        this.counts = counts;
        this.writer = new CountedWrite(dynamoDb, sleeper);
        this.reader = reader;
    }

    /** Where a finished execution is counted: the UTC day of its start time and its finished status. */
    record Counted(LocalDate day, ExecutionStatus status) {
    }

    /** Where an execution is counted, if it is finished with a readable start time. */
    static Optional<Counted> countedAs(String status, String startTime) {
        Optional<ExecutionStatus> counted = ExecutionCountStore.countedStatus(status);
        Optional<LocalDate> day = ExecutionCountStore.dayOf(startTime);
        return counted.isPresent() && day.isPresent() ? Optional.of(new Counted(day.get(), counted.get()))
                : Optional.empty();
    }

    /**
     * Puts a new execution whose status is finished and counts it.
     *
     * @return false when the id is taken (nothing written)
     */
    boolean create(Map<String, AttributeValue> item, Counted counted) {
        TransactWriteItem put = TransactWriteItem.builder().put(p -> p.tableName(tableName).item(item)
                .conditionExpression(CREATE_CONDITION)
                .expressionAttributeNames(Map.of("#executionId", ExecutionStore.KEY))).build();
        return writer.commit(put, counts.change(counted.day(), counted.status(), 1))
                == CountedWrite.Outcome.COMMITTED;
    }

    /**
     * Moves an execution from the active status {@code from} to the finished status {@code to} and counts it on the
     * day of its start time.
     *
     * @return the stored execution; empty, with nothing written, when its start time is unreadable (it is not
     *         counted, so the caller makes the plain transition)
     * @throws ConflictException when the stored status is no longer {@code from}, exactly as a plain transition
     */
    Optional<Execution> finish(String executionId, String planId, ExecutionStatus from, ExecutionStatus to) {
        for (int read = 1; read <= MAX_READS; read++) {
            Execution current = reader.apply(executionId, planId)
                    .orElseThrow(() -> StoreErrors.notFound("Execution", executionId));
            if (!from.wireName().equals(current.status())) {
                throw ExecutionStore.changed(executionId, current, from);
            }
            Optional<LocalDate> day = ExecutionCountStore.dayOf(current.startTime());
            if (day.isEmpty()) {
                return Optional.empty();
            }
            long version = current.version() == null ? 0L : current.version();
            String now = clock.instant().toString();
            TransactWriteItem update = TransactWriteItem.builder().update(u -> u.tableName(tableName)
                    .key(Attr.key(ExecutionStore.KEY, executionId, ExecutionStore.SORT_KEY, planId))
                    .updateExpression(FINISH).conditionExpression(FINISH_CONDITION)
                    .expressionAttributeNames(Map.of("#status", "status", "#version", "version",
                            "#endTime", "endTime"))
                    .expressionAttributeValues(Map.of(":to", Attr.s(to.wireName()), ":from", Attr.s(from.wireName()),
                            ":one", Attr.n(1), ":now", Attr.s(now), ":version", Attr.n(version)))).build();
            if (writer.commit(update, counts.change(day.get(), to, 1)) == CountedWrite.Outcome.COMMITTED) {
                return Optional.of(written(current, to, now, version));
            }
        }
        throw new ConflictException("Execution " + executionId + " is being changed concurrently; try again");
    }

    /**
     * Deletes a finished execution and uncounts it, conditioned on the status it was read with (a finished status
     * never changes, so this is the "still finished" condition).
     *
     * @return false when it no longer exists or is not finished (nothing written)
     */
    boolean delete(Execution current, Counted counted) {
        TransactWriteItem delete = TransactWriteItem.builder().delete(d -> d.tableName(tableName)
                .key(Attr.key(ExecutionStore.KEY, current.executionId(), ExecutionStore.SORT_KEY, current.planId()))
                .conditionExpression(DELETE_CONDITION).expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", Attr.s(counted.status().wireName())))).build();
        return writer.commit(delete, counts.change(counted.day(), counted.status(), -1))
                == CountedWrite.Outcome.COMMITTED;
    }

    /** The read item with the transition's changes: the stored item, since the version condition held. */
    private Execution written(Execution read, ExecutionStatus to, String now, long version) {
        Map<String, AttributeValue> item = new HashMap<>(mapper.toItem(read));
        item.put("status", Attr.s(to.wireName()));
        item.putIfAbsent("endTime", Attr.s(now));
        item.put("version", Attr.n(version + 1));
        return mapper.fromItem(item);
    }
}
