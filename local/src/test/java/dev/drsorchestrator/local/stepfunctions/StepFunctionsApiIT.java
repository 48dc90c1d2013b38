package dev.drsorchestrator.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;
import software.amazon.awssdk.services.sfn.model.HistoryEvent;
import software.amazon.awssdk.services.sfn.model.HistoryEventType;
import software.amazon.awssdk.services.sfn.model.InvalidDefinitionException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;

/** The API behind a real HTTP server, driven by the real SDK v2 SfnClient. */
class StepFunctionsApiIT {

    private static final String ROLE = "arn:aws:iam::000000000000:role/waves";
    private static final String DEFINITION = """
            {"StartAt": "Approve",
             "States": {
               "Approve": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke.waitForTaskToken",
                           "Parameters": {"FunctionName": "approval",
                                          "Payload": {"token.$": "$$.Task.Token", "planId.$": "$.planId"}},
                           "ResultPath": "$.approval", "Next": "Done"},
               "Done": {"Type": "Pass", "Parameters": {"planId.$": "$.planId", "by.$": "$.approval.by"}, "End": true}}}
            """;

    private final BlockingQueue<JsonNode> invocations = new LinkedBlockingQueue<>();
    private StepFunctionsEngine engine;
    private HttpServer server;
    private ExecutorService serverThreads;
    private SfnClient sfn;

    @BeforeEach
    void start() throws IOException {
        engine = new StepFunctionsEngine((name, payload) -> {
            invocations.add(payload);
            return new LambdaResult.Success(AslHarness.json("{}"));
        }, StepClock.system(), StepFunctionsEngine.Settings.defaults());
        StepFunctionsApi api = new StepFunctionsApi(engine);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> serve(api, exchange));
        serverThreads = Executors.newFixedThreadPool(2);
        server.setExecutor(serverThreads);
        server.start();
        sfn = SfnClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
    }

    private static void serve(StepFunctionsApi api, HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            StepFunctionsApi.Response response = api.handle(exchange.getRequestHeaders().getFirst("X-Amz-Target"),
                    in.readAllBytes());
            byte[] body = response.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", StepFunctionsApi.CONTENT_TYPE);
            exchange.sendResponseHeaders(response.status(), body.length);
            out.write(body);
        }
    }

    @AfterEach
    void stop() {
        sfn.close();
        server.stop(0);
        serverThreads.shutdownNow();
        engine.close();
    }

    @Test
    void sfnClient_shouldRunAWaitForTaskTokenExecutionToSuccess_whenTheTokenIsAnswered() throws Exception {
        // GIVEN a state machine created through the SDK
        String machine = sfn.createStateMachine(r -> r.name("waves").definition(DEFINITION).roleArn(ROLE))
                .stateMachineArn();

        // WHEN an execution starts and the token handed to the function is answered with SendTaskSuccess
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).name("plan-1")
                .input("{\"planId\":\"p-1\"}")).executionArn();
        JsonNode payload = invocations.poll(60, TimeUnit.SECONDS);
        assertThat(payload).as("the task invoked its function").isNotNull();
        assertThat(payload.get("planId").asText()).isEqualTo("p-1");
        assertThat(sfn.describeExecution(r -> r.executionArn(execution)).status()).isEqualTo(ExecutionStatus.RUNNING);
        sfn.sendTaskHeartbeat(r -> r.taskToken(payload.get("token").asText()));
        sfn.sendTaskSuccess(r -> r.taskToken(payload.get("token").asText()).output("{\"by\":\"ops@example.com\"}"));

        // THEN DescribeExecution reaches SUCCEEDED with the output the definition builds
        DescribeExecutionResponse done = awaitEnd(execution);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(AslHarness.json(done.output()))
                .isEqualTo(AslHarness.json("{\"planId\":\"p-1\",\"by\":\"ops@example.com\"}"));
        assertThat(done.stopDate()).isAfterOrEqualTo(done.startDate());
        assertThat(sfn.getExecutionHistory(r -> r.executionArn(execution)).events())
                .extracting(HistoryEvent::type)
                .contains(HistoryEventType.TASK_SUBMITTED, HistoryEventType.TASK_SUCCEEDED,
                        HistoryEventType.EXECUTION_SUCCEEDED);
        assertThat(sfn.listExecutions(r -> r.stateMachineArn(machine)).executions())
                .singleElement().satisfies(item -> assertThat(item.name()).isEqualTo("plan-1"));
    }

    @Test
    void sfnClient_shouldReceiveTypedAwsErrors_whenRequestsAreWrong() {
        assertThatThrownBy(() -> sfn.describeExecution(r -> r.executionArn(
                "arn:aws:states:us-east-1:000000000000:execution:none:none")))
                .isInstanceOf(ExecutionDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.sendTaskSuccess(r -> r.taskToken("AAAA").output("{}")))
                .isInstanceOf(TaskDoesNotExistException.class);
        assertThatThrownBy(() -> sfn.createStateMachine(r -> r.name("bad").roleArn(ROLE)
                .definition("{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Pass\",\"Next\":\"B\"}}}")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("State 'A': Next 'B' does not name a state");
    }

    @Test
    void sfnClient_shouldStopARunningExecution_whenStopExecutionIsCalled() throws Exception {
        String machine = sfn.createStateMachine(r -> r.name("waves").definition(DEFINITION).roleArn(ROLE))
                .stateMachineArn();
        String execution = sfn.startExecution(r -> r.stateMachineArn(machine).input("{\"planId\":\"p-2\"}"))
                .executionArn();
        assertThat(invocations.poll(60, TimeUnit.SECONDS)).isNotNull();
        sfn.stopExecution(r -> r.executionArn(execution).error("Operator.Cancel").cause("drill over"));
        DescribeExecutionResponse done = awaitEnd(execution);
        assertThat(done.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(done.error()).isEqualTo("Operator.Cancel");
    }

    /** Polls DescribeExecution as a client would; the bound only stops a hung test. */
    private DescribeExecutionResponse awaitEnd(String execution) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            DescribeExecutionResponse response = sfn.describeExecution(r -> r.executionArn(execution));
            if (response.status() != ExecutionStatus.RUNNING || Instant.now().isAfter(giveUp)) {
                return response;
            }
            Thread.sleep(20);
        }
    }
}
