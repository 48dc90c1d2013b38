package dev.drsorchestrator.tests.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import dev.drsorchestrator.query.QueryHandler;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.tests.support.Invoke;
import dev.drsorchestrator.tests.support.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * Warm latency of the read operations through the handler entry point against DynamoDB Local holding 10,000
 * inventory items and 1,000 executions. Run by {@code scripts/bench-query.sh}; prints one line per operation.
 */
public final class QueryBenchmark {
    static final int INVENTORY = 10_000;
    static final int EXECUTIONS = 1_000;
    static final int GROUPS = 50;
    static final List<String> REGIONS = List.of("us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2");
    static final String[] STATES = {"CONTINUOUS", "CONTINUOUS", "CONTINUOUS", "INITIAL_SYNC", "STOPPED",
        "DISCONNECTED"};
    static final String[] STATUSES = {"COMPLETED", "COMPLETED", "COMPLETED", "FAILED", "PARTIAL", "CANCELLED"};

    private QueryBenchmark() {
    }

    /** Arguments: {@code [warmup] [iterations]} per operation (default 200 and 1000). */
    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        try (TestStack stack = TestStack.start(Scenarios.demo(), Map.of("AWS_ACCOUNT_ID", QueryFixtures.HUB,
                "LOG_LEVEL", "WARN"))) {
            String executionId = seed(stack);
            QueryHandler handler = new QueryHandler(stack.core());
            Map<String, String> events = new LinkedHashMap<>();
            events.put("get_dashboard_data", QueryCalls.adminGet("/dashboard", "/dashboard", Map.of(), Map.of()));
            events.put("list_protection_groups", QueryCalls.adminGet("/protection-groups", "/protection-groups",
                    Map.of(), Map.of()));
            events.put("get_execution", QueryCalls.adminGet("/executions/{id}", "/executions/" + executionId,
                    Map.of("id", executionId), Map.of()));
            events.put("get_source_server_inventory", QueryCalls.adminGet("/drs/source-server-inventory",
                    "/drs/source-server-inventory", Map.of(), Map.of("region", "us-west-2",
                            "sourceAccountId", QueryFixtures.TARGET, "filters", "{\"replicationState\":\"CONTINUOUS\"}")));
            events.put("get_audit_logs", QueryCalls.adminGet("/audit-logs", "/audit-logs", Map.of(), Map.of()));
            System.out.printf("seeded: %d inventory items, %d executions, %d protection groups; warmup %d, "
                    + "iterations %d per operation%n", INVENTORY, EXECUTIONS, GROUPS, warmup, iterations);
            // Say what the finished-status counts covered: the seed's executions, counted by ExecutionStore as it
            // created them (the same transaction a finishing execution uses), all inside the window.
            JsonNode dashboard = Invoke.body(Invoke.handler(handler, events.get("get_dashboard_data")));
            System.out.printf("dashboard counts since %s: %s, capped: %s%n", dashboard.path("countsSince").asText(),
                    dashboard.path("executionCountsByStatus"), dashboard.path("executionCountsCapped"));
            System.out.println("| operation | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|");
            events.forEach((name, event) -> {
                for (int i = 0; i < warmup; i++) {
                    check(name, Invoke.handler(handler, event));
                }
                long[] nanos = new long[iterations];
                for (int i = 0; i < iterations; i++) {
                    long start = System.nanoTime();
                    JsonNode response = Invoke.handler(handler, event);
                    nanos[i] = System.nanoTime() - start;
                    check(name, response);
                }
                Arrays.sort(nanos);
                System.out.printf("| %s | %.1f | %.1f | %.1f |%n", name, ms(nanos[iterations / 2]),
                        ms(nanos[(int) Math.ceil(iterations * 0.99) - 1]), ms(nanos[iterations - 1]));
            });
        }
        // DynamoDB Local and the simulator leave non-daemon threads behind; the run is over.
        System.exit(0);
    }

    private static void check(String name, JsonNode response) {
        if (response.path("statusCode").asInt() != 200) {
            throw new IllegalStateException(name + " failed: " + response);
        }
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String seed(TestStack stack) {
        Random random = new Random(2026);
        Instant now = stack.sim().clock().now();
        stack.stores().targetAccounts().create(new TargetAccount(QueryFixtures.TARGET, "dr-target", null, null,
                QueryFixtures.ROLE, null, false, "active", now.toString(), null, List.of(), "bench", now, null, null,
                null));
        List<InventoryServer> inventory = new ArrayList<>();
        for (int i = 0; i < INVENTORY; i++) {
            String region = REGIONS.get(i % REGIONS.size());
            Map<String, Object> server = new LinkedHashMap<>();
            server.put("sourceServerId", serverId(random));
            server.put("accountId", QueryFixtures.TARGET);
            server.put("region", region);
            server.put("accountRegion", QueryFixtures.TARGET + "#" + region);
            server.put("hostname", "host-" + i + ".corp.example.com");
            server.put("replicationState", STATES[random.nextInt(STATES.length)]);
            server.put("os", i % 3 == 0 ? "WINDOWS" : "LINUX");
            server.put("instanceType", "m5.large");
            server.put("tags", Map.of("Application", "app-" + (i % 40), "Environment", i % 2 == 0 ? "prod" : "test"));
            server.put("lastSyncedAt", now.toString());
            inventory.add(Json.mapper().convertValue(server, InventoryServer.class));
        }
        stack.stores().inventory().writeAll(inventory);
        for (String region : REGIONS) {
            stack.stores().regionStatuses().put(new RegionStatus(QueryFixtures.TARGET, region, "ACTIVE",
                    INVENTORY / REGIONS.size(), null, null, null, now.toString()));
        }
        for (int g = 0; g < GROUPS; g++) {
            List<String> servers = inventory.subList(g * 10, g * 10 + 10).stream()
                    .map(InventoryServer::sourceServerId).toList();
            stack.stores().protectionGroups().create(new ProtectionGroup(UUID.randomUUID().toString(), "group-" + g,
                    null, "us-west-2", QueryFixtures.TARGET, null, "bench", null, servers, null, null,
                    now.toEpochMilli(), now.toEpochMilli(), "bench", now, null, null, null));
        }
        String last = null;
        String planId = UUID.randomUUID().toString();
        // Executions on the handler's clock, one a minute up to now: all inside the dashboard's 30-day count window, as
        // for a team that drills daily. Created through ExecutionStore, which counts the finished ones per day in the
        // same transaction (no count item is written directly).
        Instant handlerNow = stack.core().clock().instant();
        for (int e = 0; e < EXECUTIONS; e++) {
            String id = UUID.randomUUID().toString();
            boolean running = e >= EXECUTIONS - 5;
            Instant start = handlerNow.minus(Duration.ofMinutes(EXECUTIONS - e));
            List<String> servers = inventory.subList(e % 500, e % 500 + 10).stream()
                    .map(InventoryServer::sourceServerId).toList();
            List<WaveExecution> waves = new ArrayList<>();
            for (int w = 1; w <= 3; w++) {
                waves.add(new WaveExecution(w, "wave " + w, running ? "IN_PROGRESS" : "COMPLETED", null,
                        start.toString(), running ? null : start.plusSeconds(600).toString(),
                        "drsjob-" + HexFormat.of().toHexDigits(random.nextLong()).substring(0, 16) + "a", null,
                        servers, null, servers.size(), running ? 4 : servers.size(), 0, running ? 40 : 100, 3L, null));
            }
            stack.stores().executions().create(new Execution(id, planId, "plan", "DRILL",
                    running ? "RUNNING" : STATUSES[random.nextInt(STATUSES.length)], start.toString(),
                    running ? null : start.plusSeconds(1800).toString(), 3, 3, waves, servers, "bench", QueryFixtures.TARGET,
                    null, null, null, null, null, null));
            last = id;
        }
        return last;
    }

    private static String serverId(Random random) {
        return "s-" + HexFormat.of().toHexDigits(random.nextLong()).substring(0, 16)
                + Integer.toHexString(random.nextInt(16));
    }
}
