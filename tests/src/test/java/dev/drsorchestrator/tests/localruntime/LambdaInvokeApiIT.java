package dev.drsorchestrator.tests.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.lambda.HandlerRegistry;
import dev.drsorchestrator.local.lambda.LambdaInvokeApi;
import dev.drsorchestrator.local.runtime.LocalRuntime;
import dev.drsorchestrator.local.runtime.LocalRuntimeOptions;
import dev.drsorchestrator.local.sim.Simulator;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import dev.drsorchestrator.shared.json.Json;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The Lambda Invoke API on the runtime's AWS endpoint, driven by the real SDK v2 LambdaClient. */
class LambdaInvokeApiIT {
    private static LocalRuntime runtime;
    private static LambdaClient lambda;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(LocalRuntimeOptions.forTests(), List.of());
        lambda = AwsClientsForRuntime.lambda(runtime.awsEndpoint());
    }

    @AfterAll
    static void stop() {
        lambda.close();
        runtime.close();
    }

    @Test
    void invoke_shouldReturnTheHandlersResult_whenCalledByNameOrArn() throws IOException {
        // GIVEN the direct-invocation payload of the health operation
        SdkBytes payload = SdkBytes.fromUtf8String("{\"operation\":\"health\"}");

        // WHEN each function is invoked by name, and query-handler also by full ARN
        for (String name : HandlerRegistry.FUNCTION_NAMES) {
            InvokeResponse response = lambda.invoke(b -> b.functionName(name).payload(payload));

            // THEN the handler's own answer comes back with no function error
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.functionError()).isNull();
            JsonNode body = Json.mapper().readTree(response.payload().asByteArray());
            assertThat(body.path("status").asText()).isEqualTo("healthy");
            assertThat(body.path("handler").asText()).isEqualTo(name);
        }
        String arn = "arn:aws:lambda:us-east-1:" + runtime.context().hubAccountId()
                + ":function:drs-orchestrator-query-handler-local";
        InvokeResponse byArn = lambda.invoke(b -> b.functionName(arn).payload(payload));
        assertThat(Json.mapper().readTree(byArn.payload().asByteArray()).path("handler").asText())
                .isEqualTo("query-handler");
    }

    @Test
    void invoke_shouldReturnClientErrorAsResult_whenOperationUnknown() throws IOException {
        // WHEN a direct invocation names no known operation
        InvokeResponse response = lambda.invoke(b -> b.functionName("query-handler")
                .payload(SdkBytes.fromUtf8String("{\"operation\":\"no_such_operation\"}")));

        // THEN the handler answers with its client-error object, which is not a function error
        assertThat(response.functionError()).isNull();
        JsonNode body = Json.mapper().readTree(response.payload().asByteArray());
        assertThat(body.path("statusCode").asInt()).isBetween(400, 499);
        assertThat(body.path("message").asText()).isNotBlank();
    }

    @Test
    void invoke_shouldAnswerResourceNotFound_whenFunctionUnknown() {
        // WHEN an unknown function is invoked
        // THEN the SDK raises Lambda's ResourceNotFoundException with status 404
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("no-such-function")
                .payload(SdkBytes.fromUtf8String("{}"))))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.getMessage()).contains("Function not found");
                });
    }

    @Test
    void invoke_shouldAnswer202And204_forEventAndDryRun() {
        // WHEN asynchronous and dry-run invocations are made
        InvokeResponse event = lambda.invoke(b -> b.functionName("query-handler")
                .invocationType(InvocationType.EVENT).payload(SdkBytes.fromUtf8String("{\"operation\":\"health\"}")));
        InvokeResponse dryRun = lambda.invoke(b -> b.functionName("execution-handler")
                .invocationType(InvocationType.DRY_RUN).payload(SdkBytes.fromUtf8String("{}")));

        // THEN Lambda's status codes come back
        assertThat(event.statusCode()).isEqualTo(202);
        assertThat(dryRun.statusCode()).isEqualTo(204);
    }

    @Test
    void invoke_shouldReportUnhandledFunctionError_whenHandlerThrows() throws IOException {
        // GIVEN an edge serving a function that fails the way a handler does on a server-side error
        RequestStreamHandler failing = (in, out, context) -> {
            throw new IllegalStateException("Internal error (request id " + context.getAwsRequestId() + ")");
        };
        try (Simulator sim = Simulator.start(Scenarios.demo());
                HandlerRegistry functions = HandlerRegistry.of(Map.of("failing-handler", failing), "us-east-1",
                        "111111111111");
                LambdaInvokeApi api = new LambdaInvokeApi(functions);
                LambdaClient client = AwsClientsForRuntime.lambda(sim.endpoint())) {
            sim.edge().mount(api);

            // WHEN it is invoked
            InvokeResponse response = client.invoke(b -> b.functionName("failing-handler")
                    .payload(SdkBytes.fromUtf8String("{\"operation\":\"start_wave_recovery\"}")));

            // THEN Lambda's function-error shape comes back: 200, X-Amz-Function-Error, errorMessage/errorType
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.functionError()).isEqualTo("Unhandled");
            JsonNode error = Json.mapper().readTree(response.payload().asByteArray());
            assertThat(error.path("errorType").asText()).isEqualTo("IllegalStateException");
            assertThat(error.path("errorMessage").asText()).startsWith("Internal error (request id ");
        }
    }

    @Test
    void invoke_shouldRefuseInvalidJsonPayload() {
        // WHEN the payload is not JSON
        // THEN Lambda's InvalidRequestContentException (400) is raised
        assertThatThrownBy(() -> lambda.invoke(b -> b.functionName("query-handler")
                .payload(SdkBytes.fromUtf8String("{not json"))))
                .hasMessageContaining("Could not parse request body into json")
                .isInstanceOfSatisfying(software.amazon.awssdk.services.lambda.model.LambdaException.class,
                        e -> assertThat(e.statusCode()).isEqualTo(400));
    }
}
