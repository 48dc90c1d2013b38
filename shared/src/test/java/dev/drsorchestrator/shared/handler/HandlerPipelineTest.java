package dev.drsorchestrator.shared.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.error.FunctionErrorException;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.testing.Events;
import dev.drsorchestrator.shared.testing.TestServices;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

class HandlerPipelineTest {
    private final DynamoDbClient auditDb = mock(DynamoDbClient.class);
    private HandlerPipeline pipeline;

    @BeforeEach
    void setUp() {
        when(auditDb.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
        CoreServices services = TestServices.create(auditDb);
        OperationTable table = OperationTable.of(
                HealthCheck.operation("test-handler", services.clock(), Route.get("/health")),
                Operation.of("get_protection_group", Permission.PROTECTION_GROUPS_READ,
                        r -> Map.of("id", r.pathParameter("id")), Route.get("/protection-groups/{id}")),
                Operation.of("create_protection_group", Permission.PROTECTION_GROUPS_WRITE, r -> {
                    r.auditTargetAccount("123456789012");
                    return OperationResult.created(Map.of("name", r.bodyString("name").orElse("")));
                }, Route.post("/protection-groups")),
                Operation.of("update_plan", Permission.RECOVERY_PLANS_WRITE, r -> {
                    throw new ConflictException("Version 2 is stale; current version is 3");
                }, Route.put("/recovery-plans/{id}")),
                Operation.of("explode", Permission.SERVERS_READ, r -> {
                    throw new IllegalStateException("secret table arn:aws:dynamodb:us-east-1:1:table/x");
                }, Route.get("/explode")));
        pipeline = new HandlerPipeline(table, services);
    }

    private JsonNode call(byte[] event) throws Exception {
        return Json.mapper().readTree(pipeline.handle(event, "req-1"));
    }

    private JsonNode apiBody(JsonNode response) throws Exception {
        return Json.mapper().readTree(response.get("body").asText());
    }

    private Map<String, AttributeValue> auditItem() {
        ArgumentCaptor<PutItemRequest> captor = ArgumentCaptor.forClass(PutItemRequest.class);
        verify(auditDb).putItem(captor.capture());
        return captor.getValue().item();
    }

    @Test
    void handle_shouldAnswerWithSecurityHeadersAndAudit_whenApiCallAllowed() throws Exception {
        // WHEN
        JsonNode response = call(Events.api("GET", "/protection-groups/{id}", "/protection-groups/pg-1", null,
                "ops@example.com", "Operator"));
        // THEN
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        JsonNode headers = response.get("headers");
        assertThat(headers.get("Access-Control-Allow-Origin").asText()).isEqualTo("https://console.example.com");
        assertThat(headers.get("X-Content-Type-Options").asText()).isEqualTo("nosniff");
        assertThat(headers.get("X-Frame-Options").asText()).isEqualTo("DENY");
        assertThat(headers.get("Cache-Control").asText()).isEqualTo("no-store");
        assertThat(headers.get("Content-Security-Policy").asText()).isEqualTo("default-src 'none'");
        assertThat(headers.get("Strict-Transport-Security").asText()).startsWith("max-age=");
        assertThat(apiBody(response).get("id").asText()).isEqualTo("pg-1");
        Map<String, AttributeValue> item = auditItem();
        assertThat(item.get("operation").s()).isEqualTo("get_protection_group");
        assertThat(item.get("invocationMode").s()).isEqualTo("API_GATEWAY");
        assertThat(item.get("userEmail").s()).isEqualTo("ops@example.com");
        assertThat(item.get("statusCode").n()).isEqualTo("200");
        assertThat(item.get("requestId").s()).isEqualTo("req-1");
    }

    @Test
    void handle_shouldReturn403AndAuditDenial_whenGroupLacksPermission() throws Exception {
        JsonNode response = call(Events.api("POST", "/protection-groups", "/protection-groups", "{\"name\":\"a\"}",
                "viewer@example.com", "Viewer"));
        assertThat(response.get("statusCode").asInt()).isEqualTo(403);
        assertThat(apiBody(response).get("message").asText())
                .isEqualTo("Permission 'protection_groups:write' is required for this operation");
        Map<String, AttributeValue> item = auditItem();
        assertThat(item.get("statusCode").n()).isEqualTo("403");
        assertThat(item.get("errorType").s()).isEqualTo("FORBIDDEN");
    }

    @Test
    void handle_shouldReturn401_whenClaimsMissing() throws Exception {
        JsonNode response = call(Events.api("GET", "/protection-groups/{id}", "/protection-groups/x", null, null, null));
        assertThat(response.get("statusCode").asInt()).isEqualTo(401);
        assertThat(apiBody(response).get("error").asText()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void handle_shouldAllowHealthWithoutClaims_whenHealthRoute() throws Exception {
        JsonNode response = call(Events.api("GET", "/health", "/health", null, null, null));
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(apiBody(response).get("status").asText()).isEqualTo("healthy");
    }

    @Test
    void handle_shouldUseExplicitStatusAndRecordTargetAccount_whenOperationSaysSo() throws Exception {
        JsonNode response = call(Events.api("POST", "/protection-groups", "/protection-groups", "{\"name\":\"web\"}",
                "admin@example.com", "[Admin Viewer]"));
        assertThat(response.get("statusCode").asInt()).isEqualTo(201);
        assertThat(auditItem().get("targetAccount").s()).isEqualTo("123456789012");
    }

    @Test
    void handle_shouldReturnGenericMessageAndRequestId_whenApiOperationFails() throws Exception {
        JsonNode response = call(Events.api("GET", "/explode", "/explode", null, "ops@example.com", "Operator"));
        assertThat(response.get("statusCode").asInt()).isEqualTo(500);
        String body = response.get("body").asText();
        assertThat(body).isEqualTo("{\"error\":\"INTERNAL_ERROR\",\"message\":\"Internal server error (request id "
                + "req-1)\",\"statusCode\":500,\"requestId\":\"req-1\"}");
        assertThat(auditItem().get("statusCode").n()).isEqualTo("500");
    }

    @Test
    void handle_shouldReturnErrorObject_whenDirectClientError() throws Exception {
        JsonNode response = call(Events.direct("update_plan", Map.of("planId", "p")));
        assertThat(Json.write(response)).isEqualTo(
                "{\"error\":\"CONFLICT\",\"message\":\"Version 2 is stale; current version is 3\",\"statusCode\":409}");
    }

    @Test
    void handle_shouldThrowFunctionErrorAfterAuditing_whenDirectUnexpectedFailure() {
        assertThatThrownBy(() -> pipeline.handle(Events.direct("explode", Map.of()), "req-1"))
                .isInstanceOf(FunctionErrorException.class)
                .hasMessage("Internal server error (request id req-1)");
        assertThat(auditItem().get("statusCode").n()).isEqualTo("500");
    }

    @Test
    void handle_shouldReturnResultObject_whenDirectHealth() throws Exception {
        JsonNode response = call(Events.direct("health", Map.of()));
        assertThat(response.get("handler").asText()).isEqualTo("test-handler");
        assertThat(auditItem().get("invocationMode").s()).isEqualTo("DIRECT_LAMBDA");
    }

    @Test
    void handle_shouldRefuseUnlistedRole_whenDirectCallerNamesOne() throws Exception {
        JsonNode response = call(Events.direct("health",
                Map.of("invokedBy", "arn:aws:sts::891376951562:assumed-role/Intruder/s")));
        assertThat(response.get("statusCode").asInt()).isEqualTo(403);
        Map<String, AttributeValue> item = auditItem();
        assertThat(item.get("principalArn").s()).isEqualTo("arn:aws:iam::891376951562:role/Intruder");
        assertThat(item.get("sessionName").s()).isEqualTo("s");
    }

    @Test
    void handle_shouldAnswer4xxJson_whenInputIsBad() throws Exception {
        assertThat(call("{oops".getBytes(StandardCharsets.UTF_8)).get("statusCode").asInt()).isEqualTo(400);
        assertThat(call(Events.direct("drop_everything", Map.of())).get("message").asText())
                .isEqualTo("Unknown operation");
        JsonNode wrongType = call(Events.api("POST", "/protection-groups", "/protection-groups", "{\"name\":7}",
                "admin@example.com", "Admin"));
        assertThat(wrongType.get("statusCode").asInt()).isEqualTo(400);
        assertThat(apiBody(wrongType).get("message").asText()).isEqualTo("Field 'name' must be a string");
        JsonNode notObject = call(Events.api("POST", "/protection-groups", "/protection-groups", "[1]",
                "admin@example.com", "Admin"));
        assertThat(apiBody(notObject).get("message").asText()).isEqualTo("Field 'body' must be a JSON object");
        JsonNode huge = call(Events.api("POST", "/protection-groups", "/protection-groups",
                "{\"name\":\"" + "x".repeat(1_048_576) + "\"}", "admin@example.com", "Admin"));
        assertThat(huge.get("statusCode").asInt()).isEqualTo(400);
        assertThat(apiBody(huge).get("message").asText()).isEqualTo("Field 'body.name' must be at most 65536 characters");
        JsonNode unknownRoute = call(Events.api("GET", "/secrets", "/secrets", null, "admin@example.com", "Admin"));
        assertThat(unknownRoute.get("statusCode").asInt()).isEqualTo(404);
        assertThat(apiBody(unknownRoute).get("message").asText()).isEqualTo("Unknown operation");
    }

    @Test
    void handle_shouldAnswerPreflight_whenOptionsOnKnownResource() throws Exception {
        JsonNode response = call(Events.api("OPTIONS", "/protection-groups", "/protection-groups", null, null, null));
        assertThat(response.get("statusCode").asInt()).isEqualTo(204);
        assertThat(response.get("headers").get("Access-Control-Allow-Methods").asText()).contains("POST");
    }
}
