package dev.drsorchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.testing.Events;
import dev.drsorchestrator.shared.testing.TestContext;
import dev.drsorchestrator.shared.testing.TestServices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

class ExecutionHandlerTest {

    @Test
    void handleRequest_shouldAnswerHealthAndAudit_whenInvokedDirectly() throws Exception {
        // GIVEN
        DynamoDbClient auditDb = mock(DynamoDbClient.class);
        when(auditDb.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
        Map<String, String> tables = new HashMap<>();
        for (Table table : Table.values()) {
            tables.putIfAbsent(table.envVariable(), "t-" + table.name());
        }
        tables.remove(Table.AUDIT_LOG.envVariable());
        ExecutionHandler handler = new ExecutionHandler(TestServices.create(auditDb, tables));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // WHEN
        handler.handleRequest(new ByteArrayInputStream(Events.direct("health", Map.of())), out,
                new TestContext("req-h", "execution-handler"));
        // THEN
        JsonNode response = Json.mapper().readTree(out.toByteArray());
        assertThat(response.get("status").asText()).isEqualTo("healthy");
        assertThat(response.get("handler").asText()).isEqualTo("execution-handler");
        verify(auditDb).putItem(any(PutItemRequest.class));
    }
}
