package dev.drsorchestrator.tests.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.runtime.WaveRuntime;
import dev.drsorchestrator.local.sim.model.ReplicationState;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.local.sim.scenario.AccountSpec;
import dev.drsorchestrator.local.sim.scenario.RegionSpec;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import dev.drsorchestrator.local.sim.scenario.ServerSpec;
import dev.drsorchestrator.local.stepfunctions.ExecutionSnapshot;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.LaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.RecoveryPlan;
import dev.drsorchestrator.shared.model.Wave;
import dev.drsorchestrator.shared.store.ExecutionCountStore;
import dev.drsorchestrator.tests.support.ApiEvents;
import dev.drsorchestrator.tests.support.Invoke;
import dev.drsorchestrator.tests.support.TestStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * One end-to-end world for the wave tests: DynamoDB Local and the simulator ({@link TestStack}), the real ASL file on
 * the local runner ({@link WaveRuntime}), and helpers that create groups and plans over the hub's replicating
 * servers in {@value #REGION}, call the API as an Operator, and wait (bounded, never timed) for outcomes.
 */
final class WaveFixture implements AutoCloseable {
    static final String REGION = "us-west-2";
    static final String OPERATOR = "Operator";
    static final String TOPIC = "drs-orchestrator-executions";
    private static final Duration END = Duration.ofMinutes(3);

    final TestStack stack;
    final WaveRuntime waves;
    final String hub;

    private WaveFixture(TestStack stack) {
        this.stack = stack;
        this.waves = WaveRuntime.start(stack.sim(), stack.env(), CoreServices::from);
        this.hub = stack.sim().fleet().hubAccountId().orElseThrow();
    }

    static WaveFixture start() {
        return new WaveFixture(TestStack.start(Scenarios.demo()));
    }

    /** The demo scenario with an SNS topic for execution notifications, read back with {@link #notices()}. */
    static WaveFixture startWithTopic() {
        Scenario demo = Scenarios.demo();
        String hub = demo.accounts().stream().filter(a -> a.kind().name().equals("HUB")).findFirst().orElseThrow()
                .accountId();
        String topic = "arn:aws:sns:" + TestStack.REGION + ":" + hub + ":" + TOPIC;
        WaveFixture fixture = new WaveFixture(TestStack.start(demo, Map.of("EXECUTION_NOTIFICATION_TOPIC_ARN",
                topic)));
        fixture.stack.sim().fleet().createTopic(hub, TestStack.REGION, TOPIC);
        return fixture;
    }

    /** Subject and text of every notification published so far. */
    List<String> notices() {
        return stack.sim().snsMessages().stream().map(m -> m.subject() + "\n" + m.message()).toList();
    }

    /** The demo scenario with {@code extra} more replicating servers in the hub's {@value #REGION}. */
    static WaveFixture startWithExtraServers(int extra) {
        Scenario demo = Scenarios.demo();
        List<AccountSpec> accounts = new ArrayList<>();
        Random random = new Random(7);
        for (AccountSpec account : demo.accounts()) {
            List<RegionSpec> regions = new ArrayList<>();
            for (RegionSpec region : account.regions()) {
                if (account.kind().name().equals("HUB") && region.region().equals(REGION)) {
                    List<ServerSpec> servers = new ArrayList<>(region.servers());
                    ServerSpec model = region.servers().get(0);
                    for (int i = 0; i < extra; i++) {
                        servers.add(new ServerSpec(String.format(Locale.ROOT, "s-%017x",
                                random.nextLong() & 0xfffffffffffffL), model.replicationState(), Map.of(),
                                model.machine()));
                    }
                    region = new RegionSpec(region.region(), region.subnets(), region.securityGroups(), servers);
                }
                regions.add(region);
            }
            accounts.add(new AccountSpec(account.accountId(), account.name(), account.kind(), account.roles(),
                    account.instanceProfiles(), regions));
        }
        return new WaveFixture(TestStack.start(new Scenario("demo-large-wave", demo.seed(), demo.startTime(),
                demo.timings(), accounts, demo.instanceTypes(), demo.faults(), demo.assumeRoleFailures())));
    }

    /** The hub's replicating servers in {@value #REGION}. */
    List<String> replicatingServers() {
        return stack.sim().fleet().sourceServers(hub, REGION).stream()
                .filter(s -> s.replication() == ReplicationState.CONTINUOUS).map(SourceServer::id).sorted()
                .toList();
    }

    /** A protection group of explicit servers in {@value #REGION} of the hub. */
    String group(List<String> servers) {
        String id = UUID.randomUUID().toString();
        stack.stores().protectionGroups().create(new ProtectionGroup(id, "pg-" + id.substring(0, 8), null, REGION,
                null, null, "ops@example.com", Map.of(), servers, null, List.of(), 0L, 0L, "ops@example.com", null,
                null, null, null));
        return id;
    }

    /** A protection group of the hub in {@value #REGION} that selects its servers by tag, with launch settings. */
    String taggedGroup(Map<String, String> selector, LaunchConfig launchConfig) {
        String id = UUID.randomUUID().toString();
        stack.stores().protectionGroups().create(new ProtectionGroup(id, "pg-" + id.substring(0, 8), null, REGION,
                null, null, "ops@example.com", selector, List.of(), launchConfig, List.of(), 0L, 0L,
                "ops@example.com", null, null, null, null));
        return id;
    }

    /** A direct invocation of the execution handler, as Step Functions or EventBridge sends it. */
    JsonNode direct(String operation, Map<String, ?> fields) {
        com.fasterxml.jackson.databind.node.ObjectNode event = dev.drsorchestrator.shared.json.Json.mapper()
                .valueToTree(fields);
        event.put("operation", operation);
        return Invoke.handler(waves.executionHandler(), dev.drsorchestrator.shared.json.Json.write(event));
    }

    /** A plan of one wave per group; {@code pauseBefore} lists the wave indexes that need approval. */
    String plan(List<String> groups, List<Integer> pauseBefore) {
        String id = UUID.randomUUID().toString();
        List<Wave> planWaves = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            planWaves.add(new Wave(i, "Wave " + (i + 1), null, List.of(), null, List.of(), pauseBefore.contains(i),
                    List.of(groups.get(i)), null, null, List.of(), List.of(), null, null));
        }
        stack.stores().recoveryPlans().create(new RecoveryPlan(id, "plan-" + id.substring(0, 8), null, planWaves,
                null, null, null, null, null, null, null, null, 0L, 0L, "ops@example.com", null, null, null, null));
        return id;
    }

    /** A plan whose waves name their servers explicitly, each wave drawing on the given groups. */
    String planOfServers(List<String> groups, List<List<String>> waveServers) {
        String id = UUID.randomUUID().toString();
        List<Wave> planWaves = new ArrayList<>();
        for (int i = 0; i < waveServers.size(); i++) {
            planWaves.add(new Wave(i, "Wave " + (i + 1), null, waveServers.get(i), null, List.of(), false, groups,
                    null, null, List.of(), List.of(), null, null));
        }
        stack.stores().recoveryPlans().create(new RecoveryPlan(id, "plan-" + id.substring(0, 8), null, planWaves,
                null, null, null, null, null, null, null, null, 0L, 0L, "ops@example.com", null, null, null, null));
        return id;
    }

    /** POST /executions as an Operator; the whole API response. */
    JsonNode startDrill(String planId) {
        return api("POST", "/executions", "/executions", Map.of(), Map.of("planId", planId,
                "executionType", "DRILL"));
    }

    /** POST /executions/{id}/{action} as an Operator. */
    JsonNode action(String executionId, String action) {
        return api("POST", "/executions/{id}/" + action, "/executions/" + executionId + "/" + action,
                Map.of("id", executionId), Map.of());
    }

    /** DELETE /executions as an Operator, with the given query parameters. */
    JsonNode deleteExecutions(Map<String, String> query) {
        return Invoke.handler(waves.executionHandler(), ApiEvents.request("DELETE", "/executions", "/executions")
                .query(query).user("ops@example.com", OPERATOR).json());
    }

    JsonNode api(String method, String resource, String path, Map<String, String> pathParameters, Object body) {
        return Invoke.handler(waves.executionHandler(), ApiEvents.request(method, resource, path)
                .pathParameters(pathParameters).user("ops@example.com", OPERATOR).body(body).json());
    }

    Execution execution(String executionId) {
        return stack.stores().executions().get(executionId).orElseThrow();
    }

    /** What the maintained finished counts hold for the start day and status of a finished execution. */
    long countedOnItsDay(Execution finished) {
        java.time.LocalDate day = ExecutionCountStore.dayOf(finished.startTime()).orElseThrow();
        return stack.stores().executionCounts().countsBetween(day, day)
                .get(ExecutionCountStore.countedStatus(finished.status()).orElseThrow());
    }

    /** Waits for the state machine execution to end and returns the stored execution. */
    Execution awaitEnd(String executionId) throws InterruptedException {
        ExecutionSnapshot snapshot = waves.engine().awaitCompletion(execution(executionId)
                .stateMachineExecutionArn(), END);
        if (snapshot == null) {
            throw new IllegalStateException("no state machine execution for " + executionId);
        }
        return execution(executionId);
    }

    /** Waits until the stored execution matches (bounded; the runner works in simulated time). */
    Execution awaitState(String executionId, Predicate<Execution> condition) throws InterruptedException {
        long deadline = System.nanoTime() + END.toNanos();
        while (System.nanoTime() < deadline) {
            Execution current = execution(executionId);
            if (condition.test(current)) {
                return current;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("execution " + executionId + " never reached the expected state: "
                + execution(executionId));
    }

    @Override
    public void close() {
        try {
            waves.close();
        } finally {
            stack.close();
        }
    }
}
