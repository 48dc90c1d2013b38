package dev.drsorchestrator.tests.store;

import static dev.drsorchestrator.tests.store.StoreFixture.execution;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.store.CountRebuildResult;
import dev.drsorchestrator.shared.store.ExecutionCountStore;
import dev.drsorchestrator.shared.store.ExecutionStore;
import dev.drsorchestrator.shared.store.Stores;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;

/**
 * The finished counts kept by {@link ExecutionStore} against DynamoDB Local: exactly once under retries and races,
 * every one of many concurrent finishes on one day, deletes, and the rebuild equal to the live counts. Each test uses
 * its own start day, so their counts do not mix.
 */
class ExecutionCountsIT {
    private static StoreFixture fixture;
    private static ExecutionStore executions;
    private static ExecutionCountStore counts;

    @BeforeAll
    static void setUp() {
        fixture = StoreFixture.create("execcounts");
        executions = fixture.stores.executions();
        counts = fixture.stores.executionCounts();
    }

    @AfterAll
    static void tearDown() {
        fixture.client.close();
    }

    private static long count(ExecutionCountStore store, String day, ExecutionStatus status) {
        LocalDate date = LocalDate.parse(day);
        return store.countsBetween(date, date).get(status);
    }

    @Test
    void transition_shouldCountOnceAndReturnTheStoredItem_whenTheSameTransitionIsRetried() {
        // GIVEN a running execution
        executions.create(execution("e-retry", "p-1", "RUNNING", "2026-03-01T10:00:00Z", List.of()));

        // WHEN it finishes, and the same transition is delivered again
        Execution done = executions.transition("e-retry", "p-1", ExecutionStatus.RUNNING, ExecutionStatus.COMPLETED);
        assertThatThrownBy(() -> executions.transition("e-retry", "p-1", ExecutionStatus.RUNNING,
                ExecutionStatus.COMPLETED)).isInstanceOf(ConflictException.class)
                .hasMessage("Execution e-retry is COMPLETED, not RUNNING; it changed since it was read");

        // THEN it is counted once, and the answer was the stored item
        assertThat(count(counts, "2026-03-01", ExecutionStatus.COMPLETED)).isEqualTo(1);
        assertThat(done).isEqualTo(executions.require("e-retry", "p-1"));
        assertThat(done.version()).isEqualTo(2L);
        assertThat(done.endTime()).isEqualTo("2026-11-22T10:00:00Z");
    }

    @Test
    void transition_shouldCountOnce_whenTheTransactionRequestIsSentTwice() {
        // GIVEN a client that sends every transaction twice, as an SDK retry after a lost response does
        DynamoDbClient twice = new TwiceClient(fixture.client);
        Stores stores = Stores.from(() -> twice, fixture.env, StoreFixture.CLOCK);
        executions.create(execution("e-twice", "p-1", "RUNNING", "2026-03-02T10:00:00Z", List.of()));

        // WHEN the execution finishes through it
        Execution done = stores.executions().transition("e-twice", "p-1", ExecutionStatus.RUNNING,
                ExecutionStatus.FAILED);

        // THEN the repeated request (same client token) changed nothing: one count, the stored item answered
        assertThat(count(counts, "2026-03-02", ExecutionStatus.FAILED)).isEqualTo(1);
        assertThat(done).isEqualTo(executions.require("e-twice", "p-1"));
    }

    @Test
    void transition_shouldCountEveryExecution_whenManyFinishOnTheSameDayConcurrently() throws Exception {
        // GIVEN 24 running executions started on one day
        int n = 24;
        for (int i = 0; i < n; i++) {
            executions.create(execution("e-many-" + i, "p-1", "RUNNING", "2026-03-03T10:" + (10 + i) + ":00Z",
                    List.of()));
        }

        // WHEN 24 threads finish them at once
        List<Callable<Execution>> finishes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = "e-many-" + i;
            finishes.add(() -> executions.transition(id, "p-1", ExecutionStatus.RUNNING,
                    i(id) % 2 == 0 ? ExecutionStatus.COMPLETED : ExecutionStatus.PARTIAL));
        }
        List<Object> outcomes = runTogether(finishes);

        // THEN every one finished and every one is counted
        assertThat(outcomes).allMatch(Execution.class::isInstance);
        assertThat(count(counts, "2026-03-03", ExecutionStatus.COMPLETED)).isEqualTo(n / 2);
        assertThat(count(counts, "2026-03-03", ExecutionStatus.PARTIAL)).isEqualTo(n / 2);
    }

    @Test
    void transition_shouldCountOnceAndRefuseTheOther_whenTwoThreadsRaceTheSameTransition() throws Exception {
        // GIVEN one running execution
        executions.create(execution("e-race", "p-1", "RUNNING", "2026-03-04T10:00:00Z", List.of()));

        // WHEN two threads finish it at once
        List<Object> outcomes = runTogether(List.of(
                () -> executions.transition("e-race", "p-1", ExecutionStatus.RUNNING, ExecutionStatus.TIMEOUT),
                () -> executions.transition("e-race", "p-1", ExecutionStatus.RUNNING, ExecutionStatus.TIMEOUT)));

        // THEN one wins, the other gets the usual 409, and it is counted once
        assertThat(outcomes).filteredOn(Execution.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ConflictException.class::isInstance).singleElement()
                .satisfies(e -> assertThat(((ConflictException) e).getMessage())
                        .isEqualTo("Execution e-race is TIMEOUT, not RUNNING; it changed since it was read"));
        assertThat(count(counts, "2026-03-04", ExecutionStatus.TIMEOUT)).isEqualTo(1);
    }

    @Test
    void transition_shouldNotTouchTheCounts_whenTheTargetIsActive() {
        // GIVEN a running execution
        executions.create(execution("e-pause", "p-1", "RUNNING", "2026-03-05T10:00:00Z", List.of()));

        // WHEN it pauses and resumes
        executions.transition("e-pause", "p-1", ExecutionStatus.RUNNING, ExecutionStatus.PAUSED);
        executions.transition("e-pause", "p-1", ExecutionStatus.PAUSED, ExecutionStatus.RUNNING);

        // THEN no day item was written
        assertThat(dayItems(fixture)).noneMatch(item -> item.get("day").s().equals("2026-03-05"));
    }

    @Test
    void createAndDelete_shouldCountAndUncount_whenTheExecutionIsFinished() {
        // GIVEN executions created finished (one id twice) and one created active
        executions.create(execution("e-made-1", "p-1", "CANCELLED", "2026-03-06T10:00:00Z", List.of()));
        executions.create(execution("e-made-2", "p-1", "CANCELLED", "2026-03-06T11:00:00Z", List.of()));
        assertThatThrownBy(() -> executions.create(execution("e-made-2", "p-1", "CANCELLED", "2026-03-06T11:00:00Z",
                List.of()))).isInstanceOf(ConflictException.class).hasMessage("Execution e-made-2 already exists");
        executions.create(execution("e-made-3", "p-1", "PENDING", "2026-03-06T12:00:00Z", List.of()));
        assertThat(count(counts, "2026-03-06", ExecutionStatus.CANCELLED)).isEqualTo(2);

        // WHEN one finished one is deleted twice and the active one once
        boolean first = executions.deleteFinished("e-made-1", "p-1");
        boolean again = executions.deleteFinished("e-made-1", "p-1");
        boolean active = executions.deleteFinished("e-made-3", "p-1");

        // THEN only the first delete happened and uncounted it
        assertThat(List.of(first, again, active)).containsExactly(true, false, false);
        assertThat(count(counts, "2026-03-06", ExecutionStatus.CANCELLED)).isEqualTo(1);
        assertThat(executions.get("e-made-3", "p-1")).isPresent();
    }

    @Test
    void rebuildCounts_shouldEqualTheLiveCounts_whenRunOnHistoryThatPredatesThem() {
        // GIVEN a fresh table set with live-counted executions over three days
        StoreFixture own = StoreFixture.create("execrebuild");
        try {
            ExecutionStore store = own.stores.executions();
            String[] statuses = {"COMPLETED", "FAILED", "PARTIAL", "CANCELLED", "TIMEOUT", "RUNNING", "COMPLETED"};
            for (int i = 0; i < 21; i++) {
                store.create(execution("e-live-" + i, "p-r", statuses[i % statuses.length],
                        "2026-04-0" + (1 + i % 3) + "T0" + (i % 10) + ":00:00Z", List.of()));
            }
            store.transition("e-live-5", "p-r", ExecutionStatus.RUNNING, ExecutionStatus.FAILED);
            store.deleteFinished("e-live-0", "p-r");
            Map<String, Map<ExecutionStatus, Long>> live = days(own);
            // AND an execution written before the counts existed, and a day item that is wrong
            own.client.putItem(r -> r.tableName(own.table(Table.EXECUTION_HISTORY.envVariable())).item(Map.of(
                    "executionId", AttributeValue.fromS("e-legacy"), "planId", AttributeValue.fromS("p-r"),
                    "status", AttributeValue.fromS("COMPLETED"), "startTime", AttributeValue.fromS("2026-04-02T05:00:00Z"),
                    "version", AttributeValue.fromN("3"))));
            own.client.updateItem(r -> r.tableName(own.table(Table.EXECUTION_COUNTS.envVariable()))
                    .key(Map.of("day", AttributeValue.fromS("2026-04-03")))
                    .updateExpression("ADD #n :n").expressionAttributeNames(Map.of("#n", "TIMEOUT"))
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("7"))));

            // WHEN the rebuild runs, twice
            CountRebuildResult result = store.rebuildCounts();
            Map<String, Map<ExecutionStatus, Long>> rebuilt = days(own);
            CountRebuildResult again = store.rebuildCounts();

            // THEN the counts are the live ones plus the legacy execution, the wrong day is repaired, and a second
            // run changes no count
            live.get("2026-04-02").merge(ExecutionStatus.COMPLETED, 1L, Long::sum);
            assertThat(rebuilt).isEqualTo(live).isEqualTo(fullRead(own));
            assertThat(result.unsettledDays()).isEmpty();
            assertThat(result.executionsScanned()).isEqualTo(21);
            assertThat(result.finishedCounted()).isEqualTo(19);
            assertThat(result.daysWritten()).isEqualTo(3);
            assertThat(again.unsettledDays()).isEmpty();
            assertThat(days(own)).isEqualTo(rebuilt);
        } finally {
            own.client.close();
        }
    }

    @Test
    void rebuildCounts_shouldLeaveExactCounts_whenExecutionsFinishWhileItRuns() throws Exception {
        // GIVEN a fresh table set with 60 finished executions whose day items were lost, and 40 running ones
        StoreFixture own = StoreFixture.create("execrebuildlive");
        try {
            ExecutionStore store = own.stores.executions();
            for (int i = 0; i < 60; i++) {
                store.create(execution("e-old-" + i, "p-l", i % 4 == 0 ? "FAILED" : "COMPLETED",
                        "2026-05-0" + (1 + i % 2) + "T01:" + (10 + i % 50) + ":00Z", List.of()));
            }
            for (int i = 0; i < 40; i++) {
                store.create(execution("e-run-" + i, "p-l", "RUNNING", "2026-05-0" + (1 + i % 2) + "T02:"
                        + (10 + i) + ":00Z", List.of()));
            }
            String counts = own.table(Table.EXECUTION_COUNTS.envVariable());
            for (String day : List.of("2026-05-01", "2026-05-02")) {
                own.client.deleteItem(r -> r.tableName(counts).key(Map.of("day", AttributeValue.fromS(day))));
            }

            // WHEN the rebuild runs while 4 threads finish the 40 executions
            List<Callable<Object>> work = new ArrayList<>();
            work.add(() -> rebuildUntilSettled(store));
            for (int t = 0; t < 4; t++) {
                int thread = t;
                work.add(() -> {
                    for (int i = thread; i < 40; i += 4) {
                        store.transition("e-run-" + i, "p-l", ExecutionStatus.RUNNING, ExecutionStatus.COMPLETED);
                    }
                    return "finished";
                });
            }
            List<Object> outcomes = runTogether(work);

            // THEN nothing failed, and the counts equal a full read of the execution table
            assertThat(outcomes).noneMatch(Throwable.class::isInstance);
            assertThat(days(own)).isEqualTo(fullRead(own));
            assertThat(fullRead(own).get("2026-05-01").get(ExecutionStatus.COMPLETED)).isEqualTo(15 + 20);
        } finally {
            own.client.close();
        }
    }

    /** The operator's loop: run again while a pass reports days that raced live writes on every pass. */
    private static CountRebuildResult rebuildUntilSettled(ExecutionStore store) {
        CountRebuildResult result = store.rebuildCounts();
        for (int run = 1; run < 5 && !result.unsettledDays().isEmpty(); run++) {
            result = store.rebuildCounts();
        }
        assertThat(result.unsettledDays()).isEmpty();
        return result;
    }

    private static int i(String id) {
        return Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
    }

    /** Runs the calls on their own threads released together; each outcome is its value or its exception. */
    private static <T> List<Object> runTogether(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Object>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    go.await();
                    try {
                        return call.call();
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            go.countDown();
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> future : futures) {
                outcomes.add(future.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Map<String, AttributeValue>> dayItems(StoreFixture on) {
        return on.client.scan(ScanRequest.builder().tableName(on.table(Table.EXECUTION_COUNTS.envVariable()))
                .consistentRead(true).build()).items();
    }

    /** Every day item's counts, read through the store (so a day is summed the way the dashboard sums it). */
    private static Map<String, Map<ExecutionStatus, Long>> days(StoreFixture on) {
        Map<String, Map<ExecutionStatus, Long>> out = new TreeMap<>();
        for (Map<String, AttributeValue> item : dayItems(on)) {
            LocalDate day = LocalDate.parse(item.get("day").s());
            out.put(day.toString(), new EnumMap<>(on.stores.executionCounts().countsBetween(day, day)));
        }
        return out;
    }

    /** The finished executions of a full scan of the execution table, by start day and status. */
    private static Map<String, Map<ExecutionStatus, Long>> fullRead(StoreFixture on) {
        Map<String, Map<ExecutionStatus, Long>> out = new TreeMap<>();
        for (Map<String, AttributeValue> item : on.client.scan(ScanRequest.builder()
                .tableName(on.table(Table.EXECUTION_HISTORY.envVariable())).consistentRead(true).build()).items()) {
            ExecutionCountStore.countedStatus(item.get("status").s()).ifPresent(status -> out
                    .computeIfAbsent(item.get("startTime").s().substring(0, 10), day -> zeros())
                    .merge(status, 1L, Long::sum));
        }
        return out;
    }

    private static Map<ExecutionStatus, Long> zeros() {
        Map<ExecutionStatus, Long> zeros = new EnumMap<>(ExecutionStatus.class);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            if (status.isTerminal()) {
                zeros.put(status, 0L);
            }
        }
        return zeros;
    }

    /** Sends every {@code TransactWriteItems} request twice (same client token) and answers the second response. */
    private static final class TwiceClient implements DynamoDbClient {
        private final DynamoDbClient delegate;

        TwiceClient(DynamoDbClient delegate) {
            this.delegate = delegate;
        }

        @Override
        public TransactWriteItemsResponse transactWriteItems(TransactWriteItemsRequest request) {
            delegate.transactWriteItems(request);
            return delegate.transactWriteItems(request);
        }

        @Override
        public software.amazon.awssdk.services.dynamodb.model.GetItemResponse getItem(
                software.amazon.awssdk.services.dynamodb.model.GetItemRequest request) {
            return delegate.getItem(request);
        }

        @Override
        public String serviceName() {
            return delegate.serviceName();
        }

        @Override
        public void close() {
        }
    }
}
