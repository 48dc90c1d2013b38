package dev.drsorchestrator.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.testing.Events;
import dev.drsorchestrator.shared.testing.TestContext;
import dev.drsorchestrator.shared.testing.TestServices;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

class QueryHandlerTest {
    static final Map<String, String> TABLES = tables();
    private final DynamoDbClient auditDb = mock(DynamoDbClient.class);

    static Map<String, String> tables() {
        Map<String, String> tables = new java.util.HashMap<>();
        for (dev.drsorchestrator.shared.config.Table table : dev.drsorchestrator.shared.config.Table.values()) {
            tables.put(table.envVariable(), "unit-" + table.name().toLowerCase(java.util.Locale.ROOT));
        }
        return tables;
    }
    private QueryHandler handler;

    @BeforeEach
    void setUp() {
        when(auditDb.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
        handler = new QueryHandler(TestServices.create(auditDb, TABLES));
    }

    private JsonNode invoke(byte[] event) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext("req-q", "query-handler"));
        return Json.mapper().readTree(out.toByteArray());
    }

    @Test
    void handleRequest_shouldReturnUnionOfPermissions_whenUserInSeveralGroups() throws Exception {
        JsonNode response = invoke(Events.api("GET", "/user/permissions", "/user/permissions", null,
                "lead@example.com", "Viewer,DRSRecoveryManager"));
        JsonNode body = Json.mapper().readTree(response.get("body").asText());
        assertThat(response.get("statusCode").asInt()).isEqualTo(200);
        assertThat(Json.mapper().convertValue(body.get("roles"), List.class))
                .containsExactly("Operator", "Planner", "Viewer");
        assertThat(Json.mapper().convertValue(body.get("permissions"), List.class))
                .contains("recovery_plans:write", "recovery_plans:execute").doesNotContain("audit:read");
        verify(auditDb).putItem(any(PutItemRequest.class));
    }

    @Test
    void handleRequest_shouldReturn403_whenUserHasOnlyUnknownGroups() throws Exception {
        JsonNode response = invoke(Events.api("GET", "/user/permissions", "/user/permissions", null,
                "nobody@example.com", "Contractors"));
        assertThat(response.get("statusCode").asInt()).isEqualTo(403);
    }

    @Test
    void handleRequest_shouldReturn401_whenGetUserPermissionsCalledDirectly() throws Exception {
        JsonNode response = invoke(Events.direct("get_user_permissions", Map.of()));
        assertThat(response.get("statusCode").asInt()).isEqualTo(401);
        assertThat(response.get("message").asText()).isEqualTo("Missing or invalid authorizer claims");
    }

    @Test
    void table_shouldGiveEveryOperationButHealthAPermission_whenBuilt() {
        List<Operation> operations = QueryOperations.table(TestServices.create(auditDb, TABLES)).operations();
        assertThat(operations).extracting(Operation::name).contains("health", "get_user_permissions");
        assertThat(operations).filteredOn(op -> !op.name().equals("health"))
                .allMatch(op -> op.permission().isPresent());
        assertThat(operations).filteredOn(op -> op.name().equals("get_user_permissions")).singleElement()
                .satisfies(op -> {
                    assertThat(op.permission()).contains(Permission.PROTECTION_GROUPS_READ);
                    assertThat(op.routes()).containsExactly(Route.get("/user/permissions"));
                });
    }
}
