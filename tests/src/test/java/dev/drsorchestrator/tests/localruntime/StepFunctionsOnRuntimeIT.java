package dev.drsorchestrator.tests.localruntime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.local.lambda.HandlerRegistry;
import dev.drsorchestrator.local.runtime.LocalRuntime;
import dev.drsorchestrator.local.runtime.LocalRuntimeOptions;
import dev.drsorchestrator.local.runtime.WaveRuntime;
import dev.drsorchestrator.local.sim.model.ReplicationState;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.RecoveryPlan;
import dev.drsorchestrator.shared.model.Wave;
import dev.drsorchestrator.shared.store.Stores;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.DescribeStateMachineResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.StateMachineListItem;

/** The local runtime as run-local.sh starts it serves the wave state machine on its AWS endpoint ({@code states}). */
class StepFunctionsOnRuntimeIT {
    private static LocalRuntime runtime;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(LocalRuntimeOptions.forTests());
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void listAndDescribe_shouldShowTheWaveStateMachine_whenTheRuntimeStartsWithDefaultExtensions() throws Exception {
        // GIVEN the runtime started with the extensions found on the classpath, and the real SDK client
        String hub = runtime.context().hubAccountId();
        String expectedArn = WaveRuntime.stateMachineArn(LocalRuntime.REGION, hub);
        try (SfnClient states = AwsClientsForRuntime.states(runtime.awsEndpoint())) {

            // WHEN the state machines are listed and the wave machine described
            List<StateMachineListItem> machines = states.listStateMachines(b -> { }).stateMachines();
            DescribeStateMachineResponse described = states.describeStateMachine(b -> b.stateMachineArn(expectedArn));

            // THEN it is there, named as in cfn/, and its tasks call the runtime's own functions
            assertThat(machines).extracting(StateMachineListItem::stateMachineArn).contains(expectedArn);
            assertThat(described.name()).isEqualTo(WaveRuntime.STATE_MACHINE);
            assertThat(described.roleArn()).isEqualTo("arn:aws:iam::" + hub + ":role/" + WaveRuntime.ROLE_NAME);
            JsonNode asl = new ObjectMapper().readTree(described.definition());
            assertThat(asl.path("States").path("PollWaveStatus").path("Parameters").path("FunctionName").asText())
                    .endsWith(":function:" + WaveRuntime.QUERY_FUNCTION);
            assertThat(runtime.context().functions().resolve(WaveRuntime.EXECUTION_FUNCTION))
                    .contains(HandlerRegistry.EXECUTION_HANDLER);
        }

        // AND every function runs with that state machine's ARN, and the banner says where it is served
        assertThat(runtime.context().environments().values())
                .allSatisfy(env -> assertThat(env.optional("STATE_MACHINE_ARN")).contains(expectedArn));
        assertThat(runtime.banner()).anySatisfy(line -> assertThat(line).contains("step-functions")
                .contains(WaveRuntime.STATE_MACHINE));
    }

    @Test
    void postExecutions_shouldCompleteTheDrillOnTheStateMachine_whenStartedThroughTheApiGatewayPort() throws Exception {
        // GIVEN a one-wave plan over two of the hub's replicating servers, stored as the API would store them
        String hub = runtime.context().hubAccountId();
        String region = "us-west-2";
        List<String> servers = runtime.context().simulator().fleet().sourceServers(hub, region).stream()
                .filter(s -> s.replication() == ReplicationState.CONTINUOUS).map(SourceServer::id).sorted()
                .limit(2).toList();
        assertThat(servers).hasSize(2);
        CoreServices core = CoreServices.from(runtime.context().environments().get(HandlerRegistry.EXECUTION_HANDLER));
        try {
            Stores stores = Stores.from(core);
            String planId = storePlan(stores, region, servers);
            String token = "Bearer " + runtime.issuer().mint("admin@example.com", List.of("Admin"),
                    Duration.ofMinutes(10));

            // WHEN an Admin starts a drill with POST /executions on the REST API
            HttpResponse<String> started = RuntimeHttp.send("POST", api("/executions"),
                    Map.of("Authorization", token, "Content-Type", "application/json"),
                    "{\"planId\":\"" + planId + "\",\"executionType\":\"DRILL\"}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
            String executionId = RuntimeHttp.json(started).path("executionId").asText();

            // THEN the state machine (its Wait states move the simulator's clock) takes it to COMPLETED
            Execution done = awaitTerminal(stores, executionId);
            assertThat(done.status()).as(done.toString()).isEqualTo("COMPLETED");
            assertThat(done.stateMachineExecutionArn()).startsWith("arn:aws:states:" + LocalRuntime.REGION + ":"
                    + hub + ":execution:" + WaveRuntime.STATE_MACHINE + ":");

            // AND the Step Functions API reports that execution as succeeded
            try (SfnClient states = AwsClientsForRuntime.states(runtime.awsEndpoint())) {
                DescribeExecutionResponse described = awaitStateMachineEnd(states, done.stateMachineExecutionArn());
                assertThat(described.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
            }
        } finally {
            core.clients().close();
        }
    }

    private static String storePlan(Stores stores, String region, List<String> servers) {
        String groupId = UUID.randomUUID().toString();
        stores.protectionGroups().create(new ProtectionGroup(groupId, "pg-" + groupId.substring(0, 8), null, region,
                null, null, "admin@example.com", Map.of(), servers, null, List.of(), 0L, 0L, "admin@example.com",
                null, null, null, null));
        String planId = UUID.randomUUID().toString();
        Wave wave = new Wave(0, "Wave 1", null, List.of(), null, List.of(), false, List.of(groupId), null, null,
                List.of(), List.of(), null, null);
        stores.recoveryPlans().create(new RecoveryPlan(planId, "plan-" + planId.substring(0, 8), null, List.of(wave),
                null, null, null, null, null, null, null, null, 0L, 0L, "admin@example.com", null, null, null, null));
        return planId;
    }

    /** Polls the execution history table until a terminal status, at most 1500 times (no timing is asserted). */
    private static Execution awaitTerminal(Stores stores, String executionId) throws InterruptedException {
        Set<String> terminal = Set.of("COMPLETED", "PARTIAL", "FAILED", "CANCELLED", "TIMEOUT");
        Execution last = null;
        for (int poll = 0; poll < 1500; poll++) {
            last = stores.executions().get(executionId).orElse(null);
            if (last != null && terminal.contains(last.status())) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("execution " + executionId + " never ended: " + last);
    }

    /** Polls DescribeExecution until the state machine execution has left RUNNING (bounded, never timed). */
    private static DescribeExecutionResponse awaitStateMachineEnd(SfnClient states, String executionArn)
            throws InterruptedException {
        DescribeExecutionResponse last = null;
        for (int poll = 0; poll < 500; poll++) {
            last = states.describeExecution(b -> b.executionArn(executionArn));
            if (last.status() != ExecutionStatus.RUNNING) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(executionArn + " still running: " + last);
    }

    private static URI api(String path) {
        return URI.create(runtime.apiUri() + path);
    }
}
