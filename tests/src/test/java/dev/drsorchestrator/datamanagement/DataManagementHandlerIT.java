package dev.drsorchestrator.datamanagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.testing.Events;
import dev.drsorchestrator.tests.LocalBackend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** data-management-handler end to end: real events in, audit records read back from DynamoDB Local over HTTP. */
class DataManagementHandlerIT {
    private static LocalBackend backend;
    private static DataManagementHandler handler;

    @BeforeAll
    static void start() {
        backend = LocalBackend.start("data-management-handler");
        handler = new DataManagementHandler(CoreServices.from(backend.env()));
    }

    @Test
    void handleRequest_shouldAnswerHealthAndWriteAudit_whenDirectInvocation() throws Exception {
        // WHEN an EventBridge-style direct invocation arrives
        JsonNode response = LocalBackend.invoke(handler, Events.direct("health",
                Map.of("invokedBy", "arn:aws:events:us-east-1:111122223333:rule/inventory-sync")),
                "it-dm-direct", "data-management-handler");
        // THEN
        assertThat(response.get("status").asText()).isEqualTo("healthy");
        assertThat(response.get("handler").asText()).isEqualTo("data-management-handler");
        List<JsonNode> audit = backend.auditRecords("it-dm-direct");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("principalType").asText()).isEqualTo("Service");
        assertThat(audit.get(0).get("invocationMode").asText()).isEqualTo("DIRECT_LAMBDA");
        assertThat(audit.get(0).get("operation").asText()).isEqualTo("health");
    }

    @Test
    void handleRequest_shouldAnswerListFree404AndWriteAudit_whenApiGatewayRouteUnknown() throws Exception {
        // GIVEN an admin calling a route this handler does not serve
        byte[] event = Events.api("GET", "/executions", "/executions", null, "admin@example.com", "Admin");
        // WHEN
        JsonNode response = LocalBackend.invoke(handler, event, "it-dm-api", "data-management-handler");
        // THEN
        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
        assertThat(response.get("headers").get("Content-Security-Policy").asText()).isEqualTo("default-src 'none'");
        JsonNode body = Json.mapper().readTree(response.get("body").asText());
        assertThat(body.get("message").asText()).isEqualTo("Unknown operation");
        List<JsonNode> audit = backend.auditRecords("it-dm-api");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).get("userEmail").asText()).isEqualTo("admin@example.com");
        assertThat(audit.get(0).get("statusCode").asInt()).isEqualTo(404);
        assertThat(audit.get(0).get("errorType").asText()).isEqualTo("NOT_FOUND");
    }
}
