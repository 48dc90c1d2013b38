package dev.drsorchestrator.tests.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.store.Page;
import dev.drsorchestrator.tests.support.Invoke;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code get_dashboard_data} against DynamoDB Local: every number and list it answers equals what a full read of the
 * tables gives (exact counts in the day-aligned window, kept by the execution writes; the newest failures of all
 * failure statuses; the region statuses of the hub and the registered accounts only), however it reads them.
 */
class QueryDashboardIT {
    private static final String UNREGISTERED = "444444444444";
    private static QueryStack testbed;

    @BeforeAll
    static void start() {
        testbed = QueryStack.start();
        // The count window follows the handler's clock (the fixtures' times follow the simulator's, which is older).
        Instant now = testbed.stack().core().clock().instant();
        for (int i = 1; i <= 105; i++) {
            finished("FAILED", now.minus(Duration.ofMinutes(i)));
        }
        for (int i = 0; i < 3; i++) {
            finished("PARTIAL", now.minus(Duration.ofDays(40 + i)));
        }
        finished("TIMEOUT", now.minus(Duration.ofSeconds(30)));
        finished("CANCELLED", now.minus(Duration.ofDays(2)));
        finished("CANCELLED", now.minus(Duration.ofDays(29)));
        finished("CANCELLED", now.minus(Duration.ofDays(31)));
        testbed.stack().stores().regionStatuses().put(new RegionStatus(QueryFixtures.HUB, "us-east-1", "ACTIVE", 220,
                null, null, null, now.toString()));
        testbed.stack().stores().regionStatuses().put(new RegionStatus(UNREGISTERED, "us-east-1", "ACTIVE", 290,
                null, null, null, now.plusSeconds(60).toString()));
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    private static void finished(String status, Instant start) {
        testbed.stack().stores().executions().create(new Execution(UUID.randomUUID().toString(),
                testbed.fixtures().planId, "orders-dr", "DRILL", status, start.toString(),
                start.plus(Duration.ofMinutes(20)).toString(), 1, 1, List.of(), testbed.fixtures().serverIds,
                "operator@example.com", QueryFixtures.TARGET, null, null, null, null, null, null));
    }

    private static JsonNode dashboard() {
        return Invoke.body(Invoke.handler(testbed.handler(), QueryCalls.adminGet("/dashboard", "/dashboard", Map.of(),
                Map.of())));
    }

    /** Every execution with a status, read page by page from the store. */
    private static List<Execution> all(ExecutionStatus status) {
        List<Execution> out = new ArrayList<>();
        Optional<ObjectNode> start = Optional.empty();
        do {
            Page<Execution> page = testbed.stack().stores().executions().listByStatus(status, 100, start);
            out.addAll(page.items());
            start = page.lastEvaluatedKey();
        } while (start.isPresent());
        return out;
    }

    /** The dashboard's counts must equal this: every active execution, every finished one started since. */
    private static void assertCountsEqualAFullRead(JsonNode dashboard) {
        String since = dashboard.path("countsSince").asText();
        JsonNode counts = dashboard.path("executionCountsByStatus");
        for (ExecutionStatus status : ExecutionStatus.values()) {
            long expected = all(status).stream().filter(e -> status.isActive()
                    || Instant.parse(e.startTime()).compareTo(Instant.parse(since)) >= 0).count();
            assertThat(counts.path(status.wireName()).asLong()).as(status.wireName()).isEqualTo(expected);
        }
        assertThat(counts.size()).isEqualTo(ExecutionStatus.values().length);
        assertThat(dashboard.path("executionCountsCapped")).isEmpty();
    }

    @Test
    void dashboard_shouldCountEachStatusExactlySinceTheStartOfTheDay30DaysBack_whenComparedWithAFullRead() {
        // WHEN
        JsonNode dashboard = dashboard();
        // THEN the window starts at 00:00 UTC of the day 30 days back
        Instant now = testbed.stack().core().clock().instant();
        assertThat(dashboard.path("countsSince").asText()).isEqualTo(LocalDate.ofInstant(now, ZoneOffset.UTC)
                .minusDays(30).atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        // AND every status's count is the full read's count since then, however many (no cap)
        assertCountsEqualAFullRead(dashboard);
        JsonNode counts = dashboard.path("executionCountsByStatus");
        assertThat(counts.path("FAILED").asInt()).isEqualTo(105);
        assertThat(counts.path("PARTIAL").asInt()).isZero();
        assertThat(counts.path("CANCELLED").asInt()).isEqualTo(2);
        assertThat(counts.path("TIMEOUT").asInt()).isEqualTo(1);
        assertThat(dashboard.has("countCap")).isFalse();
        assertThat(dashboard.path("activeExecutions")).extracting(e -> e.path("executionId").asText())
                .containsExactly(testbed.fixtures().runningId);
    }

    @Test
    void dashboard_shouldFollowFinishesAndDeletes_whenExecutionsChangeBetweenCalls() {
        // GIVEN an execution that runs and then completes, and an old failure that is deleted
        Instant now = testbed.stack().core().clock().instant();
        String id = UUID.randomUUID().toString();
        testbed.stack().stores().executions().create(new Execution(id, testbed.fixtures().planId, "orders-dr", "DRILL",
                "RUNNING", now.minus(Duration.ofHours(3)).toString(), null, 1, 1, List.of(), List.of(),
                "operator@example.com", QueryFixtures.TARGET, null, null, null, null, null, null));
        int before = dashboard().path("executionCountsByStatus").path("COMPLETED").asInt();
        Execution oldest = all(ExecutionStatus.FAILED).stream().min(Comparator.comparing(Execution::startTime))
                .orElseThrow();

        // WHEN it completes and the failure is deleted
        testbed.stack().stores().executions().transition(id, testbed.fixtures().planId, ExecutionStatus.RUNNING,
                ExecutionStatus.COMPLETED);
        assertThat(testbed.stack().stores().executions().deleteFinished(oldest.executionId(), oldest.planId()))
                .isTrue();

        // THEN the next answer counts both changes, and still equals a full read
        JsonNode dashboard = dashboard();
        assertThat(dashboard.path("executionCountsByStatus").path("COMPLETED").asInt()).isEqualTo(before + 1);
        assertThat(dashboard.path("executionCountsByStatus").path("FAILED").asInt()).isEqualTo(104);
        assertCountsEqualAFullRead(dashboard);
        finished("FAILED", Instant.parse(oldest.startTime()));
    }

    @Test
    void dashboard_shouldListTheTenNewestFailuresOfAllFailureStatuses_whenComparedWithAFullRead() {
        // GIVEN the newest ten of every FAILED, PARTIAL and TIMEOUT execution, however old
        List<Execution> failures = new ArrayList<>();
        List.of(ExecutionStatus.FAILED, ExecutionStatus.PARTIAL, ExecutionStatus.TIMEOUT)
                .forEach(status -> failures.addAll(all(status)));
        List<String> expected = failures.stream().sorted(Comparator.comparing(Execution::startTime).reversed())
                .limit(10).map(Execution::executionId).toList();
        // WHEN
        JsonNode recent = dashboard().path("recentExecutions");
        // THEN the list items, newest first, with their list projection
        assertThat(recent).extracting(e -> e.path("executionId").asText()).containsExactlyElementsOf(expected);
        assertThat(recent.get(0).path("status").asText()).isEqualTo("TIMEOUT");
        assertThat(recent.get(1).path("status").asText()).isEqualTo("FAILED");
        assertThat(recent.get(1).path("planName").asText()).isEqualTo("orders-dr");
        assertThat(recent.get(1).path("duration").asLong()).isEqualTo(1200);
        assertThat(recent.get(1).has("taskToken")).isFalse();
    }

    @Test
    void dashboard_shouldSummariseRegionsOfTheHubAndRegisteredAccountsOnly_whenAnotherAccountHasStatuses() {
        // WHEN
        JsonNode dashboard = dashboard();
        // THEN the hub's us-east-1 and the target's two regions count; the unregistered account's region does not
        JsonNode summary = dashboard.path("regionStatusSummary");
        assertThat(summary.path("active").asInt()).isEqualTo(2);
        assertThat(summary.path("degraded").asInt()).isEqualTo(1);
        assertThat(summary.path("lastSync").asText()).isEqualTo(testbed.stack().stores().regionStatuses()
                .get(QueryFixtures.HUB, "us-east-1").orElseThrow().lastSyncedAt());
        assertThat(dashboard.path("capacityWarnings")).extracting(JsonNode::asText).containsExactly(
                QueryFixtures.HUB + " us-east-1: 220 source servers against the replicating quota of 300");
        assertThat(dashboard.path("targetAccountCount").asInt()).isEqualTo(1);
        assertThat(dashboard.path("recoveryPlanCount").asInt())
                .isEqualTo(testbed.stack().stores().recoveryPlans().listAll().size()).isEqualTo(1);
        assertThat(dashboard.path("protectionGroupCount").asInt())
                .isEqualTo(testbed.stack().stores().protectionGroups().listAll().size()).isEqualTo(1);
    }
}
