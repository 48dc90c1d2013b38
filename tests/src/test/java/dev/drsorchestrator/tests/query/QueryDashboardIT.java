package dev.drsorchestrator.tests.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import dev.drsorchestrator.query.QueryHandler;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.store.Page;
import dev.drsorchestrator.tests.support.Invoke;
import dev.drsorchestrator.tests.support.TestStack;
import java.time.Duration;
import java.time.Instant;
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
 * tables gives (counts in the window with the cap, the newest failures of all failure statuses, the region statuses
 * of the hub and the registered accounts only), however the dashboard batches its reads.
 */
class QueryDashboardIT {
    private static final String UNREGISTERED = "444444444444";
    private static TestStack stack;
    private static QueryFixtures fixtures;
    private static QueryHandler handler;

    @BeforeAll
    static void start() {
        stack = TestStack.start(Scenarios.demo(), Map.of("AWS_ACCOUNT_ID", QueryFixtures.HUB));
        fixtures = new QueryFixtures(stack);
        handler = new QueryHandler(stack.core());
        // The count window follows the handler's clock (the fixtures' times follow the simulator's, which is older).
        Instant now = stack.core().clock().instant();
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
        stack.stores().regionStatuses().put(new RegionStatus(QueryFixtures.HUB, "us-east-1", "ACTIVE", 220, null,
                null, null, now.toString()));
        stack.stores().regionStatuses().put(new RegionStatus(UNREGISTERED, "us-east-1", "ACTIVE", 290, null, null,
                null, now.plusSeconds(60).toString()));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static void finished(String status, Instant start) {
        stack.stores().executions().create(new Execution(UUID.randomUUID().toString(), fixtures.planId, "orders-dr",
                "DRILL", status, start.toString(), start.plus(Duration.ofMinutes(20)).toString(), 1, 1, List.of(),
                fixtures.serverIds, "operator@example.com", QueryFixtures.TARGET, null, null, null, null, null, null));
    }

    private static JsonNode dashboard() {
        return Invoke.body(Invoke.handler(handler, QueryCalls.adminGet("/dashboard", "/dashboard", Map.of(),
                Map.of())));
    }

    /** Every execution with a status, read page by page from the store. */
    private static List<Execution> all(ExecutionStatus status) {
        List<Execution> out = new ArrayList<>();
        Optional<ObjectNode> start = Optional.empty();
        do {
            Page<Execution> page = stack.stores().executions().listByStatus(status, 100, start);
            out.addAll(page.items());
            start = page.lastEvaluatedKey();
        } while (start.isPresent());
        return out;
    }

    @Test
    void dashboard_shouldCountEachStatusInTheWindowUpToTheCap_whenComparedWithAFullRead() {
        // WHEN
        JsonNode dashboard = dashboard();
        // THEN every status's count is the full read's count since countsSince, capped at 100
        String since = dashboard.path("countsSince").asText();
        JsonNode counts = dashboard.path("executionCountsByStatus");
        List<String> capped = new ArrayList<>();
        for (ExecutionStatus status : ExecutionStatus.values()) {
            long inWindow = all(status).stream().filter(e -> status.isActive()
                    || e.startTime().compareTo(since) >= 0).count();
            int expected = (int) Math.min(inWindow, 100);
            assertThat(counts.path(status.wireName()).asInt()).as(status.wireName()).isEqualTo(expected);
            if (!status.isActive() && expected >= 100) {
                capped.add(status.wireName());
            }
        }
        assertThat(counts.path("FAILED").asInt()).isEqualTo(100);
        assertThat(counts.path("PARTIAL").asInt()).isZero();
        assertThat(counts.path("CANCELLED").asInt()).isEqualTo(2);
        assertThat(counts.path("TIMEOUT").asInt()).isEqualTo(1);
        assertThat(dashboard.path("executionCountsCapped")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(capped);
        assertThat(dashboard.path("activeExecutions")).extracting(e -> e.path("executionId").asText())
                .containsExactly(fixtures.runningId);
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
        assertThat(summary.path("lastSync").asText()).isEqualTo(stack.stores().regionStatuses()
                .get(QueryFixtures.HUB, "us-east-1").orElseThrow().lastSyncedAt());
        assertThat(dashboard.path("capacityWarnings")).extracting(JsonNode::asText).containsExactly(
                QueryFixtures.HUB + " us-east-1: 220 source servers against the replicating quota of 300");
        assertThat(dashboard.path("targetAccountCount").asInt()).isEqualTo(1);
        assertThat(dashboard.path("recoveryPlanCount").asInt())
                .isEqualTo(stack.stores().recoveryPlans().listAll().size()).isEqualTo(1);
        assertThat(dashboard.path("protectionGroupCount").asInt())
                .isEqualTo(stack.stores().protectionGroups().listAll().size()).isEqualTo(1);
    }
}
