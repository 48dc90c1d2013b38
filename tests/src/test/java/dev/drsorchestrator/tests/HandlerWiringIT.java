package dev.drsorchestrator.tests;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.datamanagement.DataManagementHandler;
import dev.drsorchestrator.execution.ExecutionHandler;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.testing.Events;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * data-management-handler and execution-handler end to end: real events in, audit records read back from DynamoDB
 * Local over HTTP. Each handler gets an API route it does not serve, so the list-free 404 path is exercised too.
 */
class HandlerWiringIT {

    static Stream<Arguments> handlers() {
        Function<CoreServices, RequestStreamHandler> dataManagement = DataManagementHandler::new;
        Function<CoreServices, RequestStreamHandler> execution = ExecutionHandler::new;
        return Stream.of(
                Arguments.of("data-management-handler", "dm", dataManagement,
                        Events.api("GET", "/executions", "/executions", null, "admin@example.com", "Admin")),
                Arguments.of("execution-handler", "ex", execution,
                        Events.api("DELETE", "/protection-groups/{id}", "/protection-groups/pg-1", null,
                                "admin@example.com", "Admin")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handlers")
    void handleRequest_shouldAnswerHealthAndWriteAudit_whenDirectInvocation(String function, String tag,
            Function<CoreServices, RequestStreamHandler> build, byte[] unusedApiEvent) throws Exception {
        // GIVEN the handler over DynamoDB Local with every table of the template
        LocalBackend backend = LocalBackend.start(function);
        RequestStreamHandler handler = build.apply(CoreServices.from(backend.env()));
        // WHEN an EventBridge-style direct invocation arrives
        String requestId = "it-" + tag + "-direct";
        JsonNode response = LocalBackend.invoke(handler, Events.direct("health",
                Map.of("invokedBy", "arn:aws:events:us-east-1:111122223333:rule/inventory-sync")),
                requestId, function);
        // THEN
        assertThat(response.get("status").asText()).isEqualTo("healthy");
        assertThat(response.get("handler").asText()).isEqualTo(function);
        List<JsonNode> audit = backend.auditRecords(requestId);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("principalType").asText()).isEqualTo("Service");
        assertThat(audit.get(0).get("invocationMode").asText()).isEqualTo("DIRECT_LAMBDA");
        assertThat(audit.get(0).get("operation").asText()).isEqualTo("health");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handlers")
    void handleRequest_shouldAnswerListFree404AndWriteAudit_whenApiGatewayRouteUnknown(String function, String tag,
            Function<CoreServices, RequestStreamHandler> build, byte[] apiEvent) throws Exception {
        // GIVEN the handler and an admin calling a route this handler does not serve
        LocalBackend backend = LocalBackend.start(function);
        RequestStreamHandler handler = build.apply(CoreServices.from(backend.env()));
        // WHEN
        String requestId = "it-" + tag + "-api";
        JsonNode response = LocalBackend.invoke(handler, apiEvent, requestId, function);
        // THEN
        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
        assertThat(response.get("headers").get("Content-Security-Policy").asText()).isEqualTo("default-src 'none'");
        JsonNode body = Json.mapper().readTree(response.get("body").asText());
        assertThat(body.get("message").asText()).isEqualTo("Unknown operation");
        List<JsonNode> audit = backend.auditRecords(requestId);
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("userEmail").asText()).isEqualTo("admin@example.com");
        assertThat(audit.get(0).get("statusCode").asInt()).isEqualTo(404);
        assertThat(audit.get(0).get("errorType").asText()).isEqualTo("NOT_FOUND");
    }
}
