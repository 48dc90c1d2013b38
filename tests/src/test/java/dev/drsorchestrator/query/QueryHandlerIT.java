package dev.drsorchestrator.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.testing.Events;
import dev.drsorchestrator.tests.LocalBackend;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** query-handler end to end: real events in, audit records read back from DynamoDB Local over HTTP. */
class QueryHandlerIT {
    private static LocalBackend backend;
    private static QueryHandler handler;

    @BeforeAll
    static void start() {
        backend = LocalBackend.start("query-handler");
        handler = new QueryHandler(CoreServices.from(backend.env()));
    }

    private static JsonNode body(JsonNode apiResponse) throws Exception {
        return Json.mapper().readTree(apiResponse.get("body").asText());
    }

    private static JsonNode onlyAudit(String requestId) {
        List<JsonNode> records = backend.auditRecords(requestId);
        assertThat(records).hasSize(1);
        return records.get(0);
    }

    @Test
    void handleRequest_shouldReturnPermissionsAndWriteAudit_whenApiGatewayEvent() throws Exception {
        // GIVEN a Cognito user in two groups, in API Gateway's bracketed form
        byte[] event = Events.api("GET", "/user/permissions", "/user/permissions", null, "ops@example.com",
                "[Operator DRSAuditor]");
        // WHEN
        JsonNode response = LocalBackend.invoke(handler, event, "it-q-api-1", "query-handler");
        // THEN
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(response.get("headers").get("X-Frame-Options").asText()).isEqualTo("DENY");
        JsonNode body = body(response);
        assertThat(body.get("email").asText()).isEqualTo("ops@example.com");
        assertThat(Json.mapper().convertValue(body.get("roles"), List.class)).containsExactly("Auditor", "Operator");
        assertThat(Json.mapper().convertValue(body.get("permissions"), List.class))
                .contains("audit:read", "executions:write").doesNotContain("accounts:write", "audit:write");
        JsonNode audit = onlyAudit("it-q-api-1");
        assertThat(audit.get("operation").asText()).isEqualTo("get_user_permissions");
        assertThat(audit.get("invocationMode").asText()).isEqualTo("API_GATEWAY");
        assertThat(audit.get("principalType").asText()).isEqualTo("CognitoUser");
        assertThat(audit.get("principalArn").asText()).isEqualTo("cognito:user:ops@example.com");
        assertThat(audit.get("userEmail").asText()).isEqualTo("ops@example.com");
        assertThat(audit.get("statusCode").asInt()).isEqualTo(200);
        assertThat(audit.get("sourceAccount").asText()).isEqualTo("111122223333");
        assertThat(audit.get("lambdaFunction").asText()).isEqualTo("query-handler");
        assertThat(audit.get("day").asText()).isEqualTo(audit.get("timestamp").asText().substring(0, 10));
        assertThat(audit.get("responseSize").asLong()).isPositive();
    }

    @Test
    void handleRequest_shouldAnswerHealthAndAuditRole_whenDirectInvocation() throws Exception {
        byte[] event = Events.direct("health", Map.of("invokedBy",
                "arn:aws:sts::111122223333:assumed-role/StepFunctionsRole/sfn-session", "apiKey", "hunter2"));
        JsonNode response = LocalBackend.invoke(handler, event, "it-q-direct-1", "query-handler");
        assertThat(response.get("status").asText()).isEqualTo("healthy");
        JsonNode audit = onlyAudit("it-q-direct-1");
        assertThat(audit.get("invocationMode").asText()).isEqualTo("DIRECT_LAMBDA");
        assertThat(audit.get("principalType").asText()).isEqualTo("AssumedRole");
        assertThat(audit.get("principalArn").asText()).isEqualTo("arn:aws:iam::111122223333:role/StepFunctionsRole");
        assertThat(audit.get("sessionName").asText()).isEqualTo("sfn-session");
        assertThat(audit.get("parameters").get("apiKey").asText()).isEqualTo("***MASKED***");
    }

    @Test
    void handleRequest_shouldAnswer4xxJsonAndAudit_whenInputIsBad() throws Exception {
        ObjectNode wrongTypes = Events.apiEvent("GET", "/user/permissions", "/user/permissions", null);
        wrongTypes.putArray("queryStringParameters").add(1);
        Map<String, byte[]> cases = Map.of(
                "malformed-json", "{\"httpMethod\": \"GET\", \"requestContext\": {".getBytes(StandardCharsets.UTF_8),
                "wrong-types", Events.bytes(wrongTypes),
                "wrong-operation-type", "{\"operation\": [\"health\"]}".getBytes(StandardCharsets.UTF_8),
                "megabyte-string", Events.direct("health", Map.of("note", "x".repeat(1_048_576))),
                "unknown-operation", Events.direct("delete_all_the_things", Map.of()),
                "missing-claims", Events.api("GET", "/user/permissions", "/user/permissions", null, null, null),
                "malformed-body", Events.api("GET", "/user/permissions", "/user/permissions", "{\"a\":",
                        "ops@example.com", "Viewer"));
        for (Map.Entry<String, byte[]> c : cases.entrySet()) {
            String requestId = "it-q-bad-" + c.getKey();
            JsonNode response = LocalBackend.invoke(handler, c.getValue(), requestId, "query-handler");
            JsonNode error = response.has("body") ? body(response) : response;
            int status = response.get("statusCode").asInt();
            assertThat(status).as(c.getKey()).isBetween(400, 499);
            assertThat(error.get("message").asText()).as(c.getKey()).isNotBlank().doesNotContain("Exception");
            assertThat(error.get("statusCode").asInt()).as(c.getKey()).isEqualTo(status);
            assertThat(onlyAudit(requestId).get("statusCode").asInt()).as(c.getKey()).isEqualTo(status);
        }
    }
}
