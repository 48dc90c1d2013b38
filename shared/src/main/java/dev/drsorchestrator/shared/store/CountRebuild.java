package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.execution.ExecutionStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Recomputes the finished counts of {@link ExecutionCountStore} from the execution table: the backfill for
 * deployments that have executions from before the counts existed, and the repair if a count is ever doubted.
 *
 * <p>Safe while executions finish. Each pass reads every day item's {@code changes} counter, then scans the
 * execution table with strongly consistent reads (status and start time only), then replaces each day's counts
 * on the condition that its {@code changes} is still what was read. A live transition, create or delete of that day
 * commits in one transaction with its {@code changes} increment, so: one that committed before the counter was read
 * is in the scan; one that commits after the replace adds to the exact base; one that commits in between makes the
 * replace fail and the day is counted again on the next pass. A day written by the rebuild is therefore exact, and
 * the live counters continue from it. Days still racing after {@value #MAX_PASSES} passes are reported, not written.
 * Running it again changes nothing when nothing changed (idempotent).
 */
final class CountRebuild {
    static final int MAX_PASSES = 3;
    private static final Logger LOG = LoggerFactory.getLogger(CountRebuild.class);

    private final Supplier<DynamoDbClient> dynamoDb;
    private final String tableName;
    private final ExecutionCountStore counts;

    CountRebuild(Supplier<DynamoDbClient> dynamoDb, String tableName, ExecutionCountStore counts) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.counts = counts;
    }

    CountRebuildResult run() {
        Set<LocalDate> pending = null;
        Tally tally = null;
        int written = 0;
        int passes = 0;
        while (passes < MAX_PASSES && (pending == null || !pending.isEmpty())) {
            passes++;
            Map<LocalDate, Long> changes = counts.changesByDay();
            tally = scan();
            Set<LocalDate> days = pending;
            if (days == null) {
                days = new TreeSet<>(changes.keySet());
                days.addAll(tally.byDay().keySet());
            }
            Set<LocalDate> raced = new TreeSet<>();
            for (LocalDate day : days) {
                Map<ExecutionStatus, Long> recount = tally.byDay().getOrDefault(day, ExecutionCountStore.zeros());
                if (counts.replace(day, recount, Optional.ofNullable(changes.get(day)))) {
                    written++;
                } else {
                    raced.add(day);
                }
            }
            LOG.info("Execution count rebuild pass {}: {} days written, {} changed meanwhile", passes,
                    days.size() - raced.size(), raced.size());
            pending = raced;
        }
        List<String> unsettled = new ArrayList<>();
        pending.forEach(day -> unsettled.add(day.toString()));
        return new CountRebuildResult(tally.scanned(), tally.counted(), tally.notCounted(), written, passes,
                unsettled);
    }

    /** Every execution's status and start time, strongly consistent, tallied by day and finished status. */
    private Tally scan() {
        Map<LocalDate, Map<ExecutionStatus, Long>> byDay = new TreeMap<>();
        int scanned = 0;
        int counted = 0;
        int notCounted = 0;
        Iterable<Map<String, AttributeValue>> items = dynamoDb.get().scanPaginator(r -> r.tableName(tableName)
                .consistentRead(true).projectionExpression("#status, #startTime")
                .expressionAttributeNames(Map.of("#status", "status", "#startTime", "startTime"))).items();
        for (Map<String, AttributeValue> item : items) {
            scanned++;
            Optional<ExecutionStatus> status = ExecutionCountStore.countedStatus(text(item, "status"));
            if (status.isEmpty()) {
                continue;
            }
            Optional<LocalDate> day = ExecutionCountStore.dayOf(text(item, "startTime"));
            if (day.isEmpty()) {
                notCounted++;
                continue;
            }
            counted++;
            byDay.computeIfAbsent(day.get(), d -> ExecutionCountStore.zeros()).merge(status.get(), 1L, Long::sum);
        }
        return new Tally(byDay, scanned, counted, notCounted);
    }

    private static String text(Map<String, AttributeValue> item, String attribute) {
        AttributeValue value = item.get(attribute);
        return value == null ? null : value.s();
    }

    private record Tally(Map<LocalDate, Map<ExecutionStatus, Long>> byDay, int scanned, int counted,
            int notCounted) {
    }
}
