package dev.drsorchestrator.datamanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.testing.Events;
import dev.drsorchestrator.shared.testing.TestContext;
import dev.drsorchestrator.shared.testing.TestServices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

class DataManagementHandlerTest {
    static final Map<String, String> TABLES = Map.of(
            "PROTECTION_GROUPS_TABLE", "pg", "RECOVERY_PLANS_TABLE", "rp", "EXECUTION_HISTORY_TABLE", "eh",
            "TARGET_ACCOUNTS_TABLE", "ta", "SOURCE_SERVER_INVENTORY_TABLE", "inv", "REGION_STATUS_TABLE", "rs",
            "RECOVERY_INSTANCES_TABLE", "ri", "TAG_SYNC_CONFIG_TABLE", "ts", "CLAIMS_TABLE", "cl",
            "EXECUTION_COUNTS_TABLE", "ec");


    @Test
    void handleRequest_shouldAnswerHealthAndAudit_whenInvokedDirectly() throws Exception {
        // GIVEN
        DynamoDbClient auditDb = mock(DynamoDbClient.class);
        when(auditDb.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
        DataManagementHandler handler = new DataManagementHandler(TestServices.create(auditDb, TABLES));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // WHEN
        handler.handleRequest(new ByteArrayInputStream(Events.direct("health", Map.of())), out,
                new TestContext("req-h", "data-management-handler"));
        // THEN
        JsonNode response = Json.mapper().readTree(out.toByteArray());
        assertThat(response.get("status").asText()).isEqualTo("healthy");
        assertThat(response.get("handler").asText()).isEqualTo("data-management-handler");
        verify(auditDb).putItem(any(PutItemRequest.class));
    }

    @Test
    void handleRequest_shouldRefuseServerManagedField_whenClientSendsCreatedBy() throws Exception {
        // GIVEN
        DynamoDbClient auditDb = mock(DynamoDbClient.class);
        when(auditDb.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
        DataManagementHandler handler = new DataManagementHandler(TestServices.create(auditDb, TABLES));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // WHEN
        handler.handleRequest(new ByteArrayInputStream(Events.direct("create_protection_group",
                Map.of("body", Map.of("groupName", "Web tier", "region", "us-east-1", "createdBy", "mallory")))),
                out, new TestContext("req-m", "data-management-handler"));
        // THEN
        JsonNode response = Json.mapper().readTree(out.toByteArray());
        assertThat(response.get("statusCode").asInt()).isEqualTo(400);
        assertThat(response.get("message").asText()).isEqualTo(
                "Field 'createdBy' is managed by the server and cannot be set");
    }
}
