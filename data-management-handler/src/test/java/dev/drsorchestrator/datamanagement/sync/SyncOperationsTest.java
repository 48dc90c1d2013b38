package dev.drsorchestrator.datamanagement.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.handler.HandlerPipeline;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationTable;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.recoveryinstances.RecoveryInstanceSync;
import dev.drsorchestrator.shared.recoveryinstances.RecoveryInstanceSyncReport;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.testing.Events;
import dev.drsorchestrator.shared.testing.TestServices;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

class SyncOperationsTest {
    private static final List<String> SCHEDULED = List.of("handle_sync_source_server_inventory",
            "handle_sync_staging_accounts", "sync_recovery_instances");

    private final AtomicInteger built = new AtomicInteger();
    private final RecoveryInstanceSync recoveryInstances = mock(RecoveryInstanceSync.class);
    private final List<Operation> operations = new SyncOperations(() -> {
        built.incrementAndGet();
        return new SyncOperations.Syncs(null, null, recoveryInstances, null, null);
    }).list();

    private HandlerPipeline pipeline() {
        DynamoDbClient audit = mock(DynamoDbClient.class);
        when(audit.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
        return new HandlerPipeline(new OperationTable(operations), TestServices.create(audit));
    }

    private Operation named(String name) {
        return operations.stream().filter(o -> o.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void list_shouldDeclareSystemPermissionWithoutRoutes_whenOperationIsScheduled() {
        // WHEN / THEN each scheduled sync carries the contract's `system` permission and has no API route
        for (String name : SCHEDULED) {
            assertThat(named(name).permission()).as(name).contains(Permission.SYSTEM);
            assertThat(named(name).routes()).as(name).isEmpty();
        }
    }

    @Test
    void list_shouldDeclareContractPermissions_whenOperationServesPeople() {
        // WHEN / THEN the on-demand staging sync is an accounts:write route, the sync status a direct read
        assertThat(named("sync_extended_source_servers").permission()).contains(Permission.ACCOUNTS_WRITE);
        assertThat(named("sync_extended_source_servers").routes())
                .containsExactly(Route.post("/accounts/targets/{id}/staging-accounts/sync"));
        assertThat(named("get_recovery_instance_sync_status").permission()).isEqualTo(
                Optional.of(Permission.EXECUTIONS_READ));
    }

    @Test
    void handle_shouldAnswer404AndRunNothing_whenAdminCallsScheduledSyncThroughApi() throws Exception {
        // GIVEN an Admin's API call that names a scheduled sync as its path and as its operation
        byte[] event = Events.api("POST", "/sync_recovery_instances", "/sync_recovery_instances",
                Json.write(Map.of("operation", "sync_recovery_instances")), "admin@example.com", "Admin");
        // WHEN
        JsonNode response = Json.mapper().readTree(pipeline().handle(event, "req-api"));
        // THEN no route reaches it and no sync was built or run
        assertThat(response.get("statusCode").asInt()).isEqualTo(404);
        assertThat(built).hasValue(0);
    }

    @Test
    void handle_shouldRunSync_whenInvokedDirectlyBySchedule() throws Exception {
        // GIVEN the schedule's direct event
        when(recoveryInstances.run()).thenReturn(new RecoveryInstanceSyncReport(3, 2, 0, List.of()));
        // WHEN
        JsonNode response = Json.mapper().readTree(pipeline().handle(
                Events.direct("sync_recovery_instances", Map.of()), "req-direct"));
        // THEN the sync ran and its report is the answer
        assertThat(response.get("instancesSynced").asInt()).isEqualTo(3);
        assertThat(response.get("regionsScanned").asInt()).isEqualTo(2);
        assertThat(built).hasValue(1);
    }
}
