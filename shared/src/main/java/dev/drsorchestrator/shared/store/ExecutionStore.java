package dev.drsorchestrator.shared.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.model.Execution;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The execution-history table (key {@code executionId} + {@code planId}): creation, reads by id, status and plan
 * (newest first, paginated), guarded status transitions, wave updates that never go backwards
 * ({@link #updateWave}), the Step Functions task token, and the {@code exec-server#} claims of active executions.
 *
 * <p>It is the only writer of execution statuses, and so the one place that keeps the finished counts of
 * {@link ExecutionCountStore}: a transition into a finished status, a create in one and a delete of a finished
 * execution each change the day's count in the same transaction ({@link FinishedWrites}); a retried or raced write
 * fails its condition, so nothing is counted twice. Every other write is a plain single-item write.
 */
public final class ExecutionStore {
    static final String KEY = "executionId";
    static final String SORT_KEY = "planId";
    static final String STATUS_INDEX = "StatusIndex";
    static final String PLAN_INDEX = "PlanIndex";
    static final String TRANSITION = "SET #status = :to, #version = #version + :one";
    static final String TRANSITION_TERMINAL = TRANSITION + ", #endTime = if_not_exists(#endTime, :now)";
    static final String TRANSITION_CONDITION = "#status = :from";
    static final String SET_TOKEN = "SET #taskToken = :token, #pausedBeforeWave = :wave, #version = #version + :one";
    static final String CLEAR_TOKEN = "REMOVE #taskToken, #pausedBeforeWave SET #version = #version + :one";
    static final String EXISTS = "attribute_exists(#executionId)";
    static final String FINISHED = "#status IN (:s0, :s1, :s2, :s3, :s4)";
    private static final String KIND = "Execution";

    private final Supplier<DynamoDbClient> dynamoDb;
    private final String tableName;
    private final Clock clock;
    private final ItemMapper<Execution> mapper = new ItemMapper<>(Execution.class);
    private final ServerClaims serverClaims;
    private final WaveWriter waveWriter;
    private final FinishedWrites finishedWrites;
    private final CountRebuild countRebuild;

    /**
     * A store over {@code tableName} claiming servers through {@code claims} and keeping the finished counts in
     * {@code counts}.
     */
    public ExecutionStore(Supplier<DynamoDbClient> dynamoDb, String tableName, ClaimStore claims,
            ExecutionCountStore counts, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
        this.serverClaims = new ServerClaims(dynamoDb, claims);
        this.waveWriter = new WaveWriter(dynamoDb, tableName, mapper, this::require);
        this.finishedWrites = new FinishedWrites(dynamoDb, tableName, clock, mapper, counts, Thread::sleep,
                this::get);
        this.countRebuild = new CountRebuild(dynamoDb, tableName, counts);
    }

    /**
     * Writes a new execution at version 1; a 409 if the id is taken. One created in a finished status (an import,
     * a fixture) is counted in the same transaction.
     */
    public Execution create(Execution execution) {
        Attr.required(execution.executionId(), "executionId");
        Attr.required(execution.planId(), "planId");
        Attr.required(execution.status(), "status");
        Attr.required(execution.startTime(), "startTime");
        Execution stored = execution.withVersion(1L);
        Optional<FinishedWrites.Counted> counted = FinishedWrites.countedAs(stored.status(), stored.startTime());
        if (counted.isPresent()) {
            if (!finishedWrites.create(mapper.toItem(stored), counted.get())) {
                throw StoreErrors.alreadyExists(KIND, execution.executionId());
            }
            return stored;
        }
        try {
            dynamoDb.get().putItem(r -> r.tableName(tableName).item(mapper.toItem(stored))
                    .conditionExpression("attribute_not_exists(#executionId)")
                    .expressionAttributeNames(Map.of("#executionId", KEY)));
        } catch (ConditionalCheckFailedException e) {
            throw StoreErrors.alreadyExists(KIND, execution.executionId());
        }
        return stored;
    }

    /** The execution by its key. */
    public Optional<Execution> get(String executionId, String planId) {
        Map<String, AttributeValue> item = dynamoDb.get().getItem(r -> r.tableName(tableName)
                .key(Attr.key(KEY, executionId, SORT_KEY, planId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(mapper.fromItem(item));
    }

    /** The execution by id alone (a query on the partition key; the API addresses executions by id only). */
    public Optional<Execution> get(String executionId) {
        QueryResponse response = dynamoDb.get().query(r -> r.tableName(tableName).consistentRead(true)
                .keyConditionExpression("#executionId = :id")
                .expressionAttributeNames(Map.of("#executionId", KEY))
                .expressionAttributeValues(Map.of(":id", Attr.s(executionId))).limit(1));
        return response.items().stream().findFirst().map(mapper::fromItem);
    }

    /** The execution, or {@code NotFoundException}. */
    public Execution require(String executionId, String planId) {
        return get(executionId, planId).orElseThrow(() -> StoreErrors.notFound(KIND, executionId));
    }

    /** Executions with a status, newest first; {@code startKey} is a previous page's {@code lastEvaluatedKey}. */
    public Page<Execution> listByStatus(ExecutionStatus status, int limit, Optional<ObjectNode> startKey) {
        return page(STATUS_INDEX, "status", status.wireName(), limit, startKey);
    }

    /** Executions of a plan, newest first. */
    public Page<Execution> listByPlan(String planId, int limit, Optional<ObjectNode> startKey) {
        return page(PLAN_INDEX, SORT_KEY, planId, limit, startKey);
    }

    /**
     * Moves the status from {@code from} to {@code to} if the transition table of {@link ExecutionStatus} allows it
     * and the stored status is still {@code from}; a terminal target also stamps {@code endTime} once. Moving from an
     * active into a finished status also counts the execution ({@link FinishedWrites}: one transaction, the
     * returned item read before and conditioned on its version); other transitions are one conditional update.
     *
     * @throws ConflictException when the transition is not allowed or the stored status is no longer {@code from}
     */
    public Execution transition(String executionId, String planId, ExecutionStatus from, ExecutionStatus to) {
        if (!from.canTransitionTo(to)) {
            throw new ConflictException("Execution " + executionId + " cannot change from " + from + " to " + to);
        }
        if (to.isTerminal() && !from.isTerminal()) {
            Optional<Execution> finished = finishedWrites.finish(executionId, planId, from, to);
            if (finished.isPresent()) {
                return finished.get();
            }
        }
        UpdateItemRequest.Builder request = UpdateItemRequest.builder().tableName(tableName)
                .key(Attr.key(KEY, executionId, SORT_KEY, planId))
                .conditionExpression(TRANSITION_CONDITION)
                .returnValues(ReturnValue.ALL_NEW);
        if (to.isTerminal()) {
            request.updateExpression(TRANSITION_TERMINAL)
                    .expressionAttributeNames(Map.of("#status", "status", "#version", "version", "#endTime", "endTime"))
                    .expressionAttributeValues(Map.of(":to", Attr.s(to.wireName()), ":from", Attr.s(from.wireName()),
                            ":one", Attr.n(1), ":now", Attr.s(clock.instant().toString())));
        } else {
            request.updateExpression(TRANSITION)
                    .expressionAttributeNames(Map.of("#status", "status", "#version", "version"))
                    .expressionAttributeValues(Map.of(":to", Attr.s(to.wireName()), ":from", Attr.s(from.wireName()),
                            ":one", Attr.n(1)));
        }
        try {
            return mapper.fromItem(dynamoDb.get().updateItem(request.build()).attributes());
        } catch (ConditionalCheckFailedException e) {
            throw changed(executionId, require(executionId, planId), from);
        }
    }

    /** The 409 of a transition whose stored status is no longer {@code from}. */
    static ConflictException changed(String executionId, Execution current, ExecutionStatus from) {
        return new ConflictException("Execution " + executionId + " is " + current.status() + ", not " + from
                + "; it changed since it was read");
    }

    /**
     * Applies {@code change} to wave {@code waveNumber} only if {@code pollSequence} is higher than the wave's stored
     * one; see {@link WaveWriter} for why a sequence and not the status rank.
     */
    public WaveUpdate updateWave(String executionId, String planId, int waveNumber, long pollSequence,
            UnaryOperator<dev.drsorchestrator.shared.model.WaveExecution> change) {
        return waveWriter.update(executionId, planId, waveNumber, pollSequence, change);
    }

    /** Stores the task token of a paused execution waiting before {@code waveNumber}. */
    public Execution storeTaskToken(String executionId, String planId, String taskToken, int waveNumber) {
        return updateExisting(executionId, planId, SET_TOKEN,
                Map.of("#taskToken", "taskToken", "#pausedBeforeWave", "pausedBeforeWave", "#version", "version",
                        "#executionId", KEY),
                Map.of(":token", Attr.s(Attr.required(taskToken, "taskToken")), ":wave", Attr.n(waveNumber),
                        ":one", Attr.n(1)));
    }

    /** Removes the task token once the execution resumed or ended. */
    public Execution clearTaskToken(String executionId, String planId) {
        return updateExisting(executionId, planId, CLEAR_TOKEN,
                Map.of("#taskToken", "taskToken", "#pausedBeforeWave", "pausedBeforeWave", "#version", "version",
                        "#executionId", KEY),
                Map.of(":one", Attr.n(1)));
    }

    /**
     * Records where an execution is and what an operator should know: the wave being run, an error message and the
     * free-form metadata (termination state, warnings). Null arguments leave the stored value unchanged.
     */
    public Execution annotate(String executionId, String planId, Integer currentWave, String errorMessage,
            JsonNode metadata) {
        StringBuilder expression = new StringBuilder("SET #version = #version + :one");
        Map<String, String> names = new HashMap<>(Map.of("#version", "version", "#executionId", KEY));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":one", Attr.n(1)));
        if (currentWave != null) {
            expression.append(", #currentWave = :currentWave");
            names.put("#currentWave", "currentWave");
            values.put(":currentWave", Attr.n(currentWave));
        }
        if (errorMessage != null) {
            expression.append(", #errorMessage = :errorMessage");
            names.put("#errorMessage", "errorMessage");
            values.put(":errorMessage", Attr.s(errorMessage));
        }
        if (metadata != null) {
            expression.append(", #metadata = :metadata");
            names.put("#metadata", "metadata");
            values.put(":metadata", ItemMapper.toAttribute(metadata));
        }
        return updateExisting(executionId, planId, expression.toString(), names, values);
    }

    /**
     * Deletes the execution only if its stored status is final (COMPLETED, PARTIAL, FAILED, CANCELLED, TIMEOUT), so a
     * delete racing a start or a status change can never remove an execution that is still running. It is read
     * first (strongly consistent) and uncounted in the delete's transaction; a finished status never changes, so
     * the read status is the delete's condition.
     *
     * @return true when deleted; false when it does not exist or is not finished
     */
    public boolean deleteFinished(String executionId, String planId) {
        Optional<Execution> current = get(executionId, planId);
        if (current.isEmpty()) {
            return false;
        }
        Optional<FinishedWrites.Counted> counted = FinishedWrites.countedAs(current.get().status(),
                current.get().startTime());
        if (counted.isPresent()) {
            return finishedWrites.delete(current.get(), counted.get());
        }
        Map<String, AttributeValue> values = new HashMap<>();
        int i = 0;
        for (ExecutionStatus status : ExecutionStatus.values()) {
            if (status.isTerminal()) {
                values.put(":s" + i++, Attr.s(status.wireName()));
            }
        }
        try {
            dynamoDb.get().deleteItem(r -> r.tableName(tableName).key(Attr.key(KEY, executionId, SORT_KEY, planId))
                    .conditionExpression(FINISHED).expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /**
     * Recomputes every day's finished counts from the execution table, for deployments whose executions finished
     * before the counts existed; safe to run while executions finish ({@link CountRebuild}).
     */
    public CountRebuildResult rebuildCounts() {
        return countRebuild.run();
    }

    /**
     * Claims every server for this execution, all or nothing.
     *
     * @throws ConflictException naming the first server another active execution holds; no claim is kept
     */
    public void claimServers(String executionId, String planId, List<String> serverIds) {
        serverClaims.claim(executionId, planId, serverIds);
    }

    /** Releases the servers this execution holds; returns how many claims were removed. */
    public int releaseServers(String executionId, List<String> serverIds) {
        return serverClaims.release(executionId, serverIds);
    }

    private Execution updateExisting(String executionId, String planId, String expression, Map<String, String> names,
            Map<String, AttributeValue> values) {
        try {
            return mapper.fromItem(dynamoDb.get().updateItem(r -> r.tableName(tableName)
                    .key(Attr.key(KEY, executionId, SORT_KEY, planId)).updateExpression(expression)
                    .conditionExpression(EXISTS).expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)).attributes());
        } catch (ConditionalCheckFailedException e) {
            throw StoreErrors.notFound(KIND, executionId);
        }
    }

    private Page<Execution> page(String index, String attribute, String value, int limit,
            Optional<ObjectNode> startKey) {
        QueryRequest request = QueryRequest.builder().tableName(tableName).indexName(index)
                .keyConditionExpression("#pk = :pk")
                .expressionAttributeNames(Map.of("#pk", attribute))
                .expressionAttributeValues(Map.of(":pk", Attr.s(value)))
                .scanIndexForward(false).limit(limit).exclusiveStartKey(Page.startKey(startKey)).build();
        QueryResponse response = dynamoDb.get().query(request);
        return Page.of(response.items().stream().map(mapper::fromItem).toList(),
                response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }
}
