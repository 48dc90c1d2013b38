package dev.drsorchestrator.tests.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.tests.support.Invoke;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the read operations answer over seeded tables and the simulator: pagination with opaque, query-bound tokens,
 * the 400s of bad input, wave polling with the shared rules, and cross-account audit.
 */
class QueryBehaviourIT {
    private static QueryStack testbed;

    @BeforeAll
    static void start() {
        testbed = QueryStack.start();
    }

    @AfterAll
    static void stop() {
        testbed.close();
    }

    private static JsonNode get(String resource, String path, Map<String, String> pathParameters,
            Map<String, String> query) {
        return Invoke.handler(testbed.handler(), QueryCalls.adminGet(resource, path, pathParameters, query));
    }

    @Test
    void inventory_shouldPageThroughEveryServerOnce_whenFollowingNextToken() {
        // GIVEN the target's inventory in us-west-2
        Map<String, String> query = new HashMap<>(Map.of("region", QueryFixtures.REGION,
                "sourceAccountId", QueryFixtures.TARGET, "limit", "2"));
        int expected = testbed.stack().stores().inventory()
                .listByAccountRegion(QueryFixtures.TARGET + "#" + QueryFixtures.REGION, 100, java.util.Optional.empty())
                .items().size();

        // WHEN pages of two are read until no token is returned
        java.util.Set<String> seen = new java.util.HashSet<>();
        int pages = 0;
        String token;
        do {
            JsonNode body = Invoke.body(get("/drs/source-server-inventory", "/drs/source-server-inventory", Map.of(),
                    query));
            body.path("servers").forEach(s -> assertThat(seen.add(s.path("sourceServerID").asText())).isTrue());
            assertThat(body.path("source").asText()).isEqualTo("inventory_database");
            token = body.path("nextToken").isTextual() ? body.path("nextToken").asText() : null;
            query.put("nextToken", token == null ? "" : token);
            pages++;
        } while (token != null && pages < 100);

        // THEN every server arrived exactly once
        assertThat(seen).hasSize(expected);
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    void lists_shouldAnswer400NamingTheField_whenInputIsBad() {
        // GIVEN a valid token of one query
        JsonNode first = Invoke.body(get("/drs/source-server-inventory", "/drs/source-server-inventory", Map.of(),
                Map.of("region", QueryFixtures.REGION, "sourceAccountId", QueryFixtures.TARGET, "limit", "1")));
        String token = first.path("nextToken").asText();
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");

        // WHEN bad values are sent THEN each is a 400 whose message names the field
        assertBadRequest(get("/executions", "/executions", Map.of(), Map.of("limit", "0")), "limit");
        assertBadRequest(get("/executions", "/executions", Map.of(), Map.of("limit", "101")), "limit");
        assertBadRequest(get("/executions", "/executions", Map.of(), Map.of("limit", "ten")), "limit");
        assertBadRequest(get("/executions", "/executions", Map.of(), Map.of("status", "EXPLODED")), "status");
        assertBadRequest(get("/executions/{id}", "/executions/x", Map.of("id", "not-a-uuid"), Map.of()), "id");
        assertBadRequest(get("/drs/source-servers", "/drs/source-servers", Map.of(), Map.of("region", "mars-1")),
                "region");
        assertBadRequest(get("/drs/quotas", "/drs/quotas", Map.of(), Map.of("accountId", "12345")), "accountId");
        assertBadRequest(get("/drs/source-server-inventory", "/drs/source-server-inventory", Map.of(),
                Map.of("filters", "{\"password\":\"x\"}")), "filters.password");
        assertBadRequest(get("/drs/source-server-inventory", "/drs/source-server-inventory", Map.of(),
                Map.of("region", QueryFixtures.REGION, "sourceAccountId", QueryFixtures.TARGET, "limit", "1",
                        "nextToken", tampered)), "nextToken");
        assertBadRequest(get("/drs/source-server-inventory", "/drs/source-server-inventory", Map.of(),
                Map.of("region", QueryFixtures.REGION, "limit", "1", "nextToken", token)), "nextToken");
        assertBadRequest(get("/audit-logs", "/audit-logs", Map.of(), Map.of("nextToken", token)), "nextToken");
        assertBadRequest(get("/audit-logs", "/audit-logs", Map.of(), Map.of("startTime", "yesterday")), "startTime");
    }

    private static void assertBadRequest(JsonNode response, String field) {
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(400);
        assertThat(Invoke.body(response).path("message").asText()).contains("'" + field + "'");
    }

    @Test
    void pollWaveStatus_shouldReportCompletionFromDrs_whenTheJobHasFinished() {
        // GIVEN the drill's job has run to the end in the simulator
        testbed.stack().sim().clock().advance(Duration.ofMinutes(30));
        Map<String, Object> state = Map.of("executionId", testbed.fixtures().runningId,
                "planId", testbed.fixtures().planId, "waveNumber", 1, "region", QueryFixtures.REGION,
                "accountId", QueryFixtures.TARGET);

        // WHEN the state machine polls the wave without a job id (read from the stored wave)
        JsonNode result = Invoke.handler(testbed.handler(),
                Json.write(Map.of("action", "poll_wave_status", "state", state)));

        // THEN it answers the seed's shape with the shared rules' numbers
        assertThat(result.path("jobId").asText()).isEqualTo(testbed.fixtures().jobId);
        assertThat(result.path("waveCompleted").asBoolean()).isTrue();
        assertThat(result.path("waveStatus").asText()).isEqualTo("COMPLETED");
        assertThat(result.path("launchedCount").asInt()).isEqualTo(3);
        assertThat(result.path("totalCount").asInt()).isEqualTo(3);
        assertThat(result.path("progress").path("percentComplete").asDouble()).isEqualTo(100.0);
        assertThat(result.path("serverStatuses")).hasSize(3);
    }

    @Test
    void getProtectionGroup_shouldResolveLiveServersAndAuditTheTarget_whenTheGroupIsInATargetAccount() {
        // GIVEN the seeded group in the target account
        // WHEN it is read
        JsonNode response = get("/protection-groups/{id}", "/protection-groups/" + testbed.fixtures().groupId,
                Map.of("id", testbed.fixtures().groupId), Map.of());

        // THEN its three servers come back with their live replication state, and the audit names the target
        JsonNode body = Invoke.body(response);
        assertThat(body.path("resolvedServerCount").asInt()).isEqualTo(3);
        assertThat(body.path("resolvedServers").get(0).path("replicationState").asText()).isNotBlank();
        JsonNode audit = Invoke.body(get("/audit-logs", "/audit-logs", Map.of(),
                Map.of("targetAccount", QueryFixtures.TARGET, "operation", "get_protection_group")));
        assertThat(audit.path("items")).isNotEmpty();
        assertThat(audit.path("items").get(0).path("targetAccount").asText()).isEqualTo(QueryFixtures.TARGET);
    }

    @Test
    void drsQuotas_shouldAnswerTheDrsServiceLimits_inBothTheInventoryAndTheLiveForm() {
        // GIVEN /drs/quotas, which serves what issue 6 calls get_drs_service_limits
        Map<String, String> all = Map.of("accountId", QueryFixtures.TARGET);
        Map<String, String> live = Map.of("accountId", QueryFixtures.TARGET, "region", QueryFixtures.REGION);
        // WHEN
        JsonNode fromInventory = Invoke.body(get("/drs/quotas", "/drs/quotas", Map.of(), all));
        JsonNode fromDrs = Invoke.body(get("/drs/quotas", "/drs/quotas", Map.of(), live));
        // THEN
        for (JsonNode answer : java.util.List.of(fromInventory, fromDrs)) {
            JsonNode limits = answer.path("limits");
            assertThat(limits.path("maxReplicatingServers").asInt()).as(answer.toString()).isEqualTo(300);
            assertThat(limits.path("maxSourceServers").asInt()).isEqualTo(4_000);
            assertThat(limits.path("maxConcurrentJobs").asInt()).isEqualTo(20);
            assertThat(limits.path("maxServersInAllJobs").asInt()).isEqualTo(500);
            assertThat(limits.path("maxServersPerJob").asInt()).isEqualTo(100);
            assertThat(limits.path("MAX_REPLICATING_SERVERS").asInt()).isEqualTo(300);
            assertThat(limits.path("MAX_SOURCE_SERVERS").asInt()).isEqualTo(4_000);
            assertThat(limits.path("MAX_CONCURRENT_JOBS").asInt()).isEqualTo(20);
            assertThat(limits.path("MAX_SERVERS_IN_ALL_JOBS").asInt()).isEqualTo(500);
            assertThat(limits.path("MAX_SERVERS_PER_JOB").asInt()).isEqualTo(100);
        }
        assertThat(fromDrs.path("concurrentJobs").path("max").asInt()).isEqualTo(20);
    }

    @Test
    void dashboard_shouldCountActiveExecutionsFromTheActiveList_andNeverCapFinishedCounts() {
        // WHEN
        JsonNode dashboard = Invoke.body(get("/dashboard", "/dashboard", Map.of(), Map.of()));
        // THEN
        JsonNode counts = dashboard.path("executionCountsByStatus");
        int activeCounted = counts.path("PENDING").asInt() + counts.path("RUNNING").asInt()
                + counts.path("PAUSED").asInt() + counts.path("CANCELLING").asInt();
        assertThat(activeCounted).as(dashboard.toString()).isEqualTo(dashboard.path("activeExecutions").size());
        assertThat(dashboard.has("countCap")).isFalse();
        assertThat(dashboard.path("executionCountsCapped").isArray()).isTrue();
        assertThat(dashboard.path("executionCountsCapped")).isEmpty();
        assertThat(counts.size()).isEqualTo(9);
        assertThat(dashboard.path("regionStatusSummary").has("active")).isTrue();
    }
}
