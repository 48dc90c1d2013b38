package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.execution.WaveStatus;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.WaveExecution;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionConflictException;

/**
 * Writes one wave of an execution so that a duplicate or late Step Functions delivery never moves it backwards.
 *
 * <p>Every delivery carries a {@code pollSequence} that the state machine increases with each poll of the wave. The
 * write is accepted only if that number is higher than the one stored on the wave, and the whole read-modify-write is
 * conditioned on the execution's {@code version}, so a concurrent writer makes us re-read and decide again rather than
 * overwrite. We order by sequence and not by a status rank because many successive updates share a status
 * ({@code IN_PROGRESS} with growing launched counts and progress) and a rank cannot tell the older one from the newer;
 * on top of the sequence, the transition table of {@link WaveStatus} is checked, so even a fresh sequence cannot reopen
 * a finished wave. A refused delivery is reported as {@link WaveUpdate.Skipped}, never as an error.
 *
 * <p>The list index of the wave is the only non-placeholder part of the expression: DynamoDB does not accept a
 * placeholder for a list index, and the index is an {@code int} we computed, never caller text.
 */
final class WaveWriter {
    static final String UPDATE = "SET #waves[%d] = :wave, #version = #version + :one";
    static final String CONDITION = "#version = :version AND #waves[%d].#waveNumber = :waveNumber";
    static final int MAX_ATTEMPTS = 5;

    private final Supplier<DynamoDbClient> dynamoDb;
    private final String tableName;
    private final ItemMapper<Execution> mapper;
    private final BiFunction<String, String, Execution> reader;

    WaveWriter(Supplier<DynamoDbClient> dynamoDb, String tableName, ItemMapper<Execution> mapper,
            BiFunction<String, String, Execution> reader) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.mapper = mapper;
        this.reader = reader;
    }

    WaveUpdate update(String executionId, String planId, int waveNumber, long pollSequence,
            UnaryOperator<WaveExecution> change) {
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            Execution execution = reader.apply(executionId, planId);
            List<WaveExecution> waves = execution.waves() == null ? List.of() : execution.waves();
            int index = indexOf(waves, waveNumber);
            if (index < 0) {
                throw new NotFoundException("Wave " + waveNumber + " of execution " + executionId + " not found");
            }
            WaveExecution current = waves.get(index);
            long stored = current.pollSequence() == null ? 0L : current.pollSequence();
            if (pollSequence <= stored) {
                return new WaveUpdate.Skipped(execution, "poll sequence " + pollSequence
                        + " is not newer than the stored " + stored);
            }
            WaveExecution next = change.apply(current).withPollSequence(pollSequence);
            Optional<String> backwards = backwards(current, next);
            if (backwards.isPresent()) {
                return new WaveUpdate.Skipped(execution, backwards.get());
            }
            try {
                return new WaveUpdate.Applied(write(execution, index, next, waveNumber));
            } catch (ConditionalCheckFailedException | TransactionConflictException e) {
                // another writer changed the execution meanwhile (or a finishing transaction holds it): read again
                // and decide again
            }
        }
        throw new ConflictException("Wave " + waveNumber + " of execution " + executionId
                + " is being updated concurrently; try again");
    }

    private Execution write(Execution execution, int index, WaveExecution next, int waveNumber) {
        return mapper.fromItem(dynamoDb.get().updateItem(r -> r.tableName(tableName)
                .key(Attr.key(ExecutionStore.KEY, execution.executionId(), ExecutionStore.SORT_KEY,
                        execution.planId()))
                .updateExpression(String.format(UPDATE, index))
                .conditionExpression(String.format(CONDITION, index))
                .expressionAttributeNames(Map.of("#waves", "waves", "#version", "version",
                        "#waveNumber", "waveNumber"))
                .expressionAttributeValues(Map.of(":wave", ItemMapper.toAttribute(next), ":one", Attr.n(1),
                        ":version", Attr.n(execution.version() == null ? 0 : execution.version()),
                        ":waveNumber", Attr.n(waveNumber)))
                .returnValues(ReturnValue.ALL_NEW)).attributes());
    }

    private static int indexOf(List<WaveExecution> waves, int waveNumber) {
        for (int i = 0; i < waves.size(); i++) {
            Integer number = waves.get(i).waveNumber();
            if (number != null && number == waveNumber) {
                return i;
            }
        }
        return -1;
    }

    private static Optional<String> backwards(WaveExecution current, WaveExecution next) {
        Optional<WaveStatus> from = WaveStatus.normalize(current.status());
        Optional<WaveStatus> to = WaveStatus.normalize(next.status());
        if (from.isPresent() && to.isPresent() && !from.get().canTransitionTo(to.get())) {
            return Optional.of("wave status cannot change from " + from.get() + " to " + to.get());
        }
        if (from.isPresent() && next.status() != null && to.isEmpty()) {
            return Optional.of("wave status '" + next.status() + "' is not a known wave status");
        }
        return Optional.empty();
    }
}
