package dev.drsorchestrator.tests.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pins the facts other modules' tests read through {@link OpenApiContract}. */
final class OpenApiContractTest {

    private final OpenApiContract contract = OpenApiContract.load();

    @Test
    void routesOf_shouldReturnOnlyReads_whenHandlerIsQueryHandler() {
        // GIVEN the loaded contract WHEN the query handler's routes are taken
        // THEN they are all GETs and include the seeds' additions
        assertThat(contract.routesOf("query-handler"))
                .isNotEmpty()
                .allSatisfy(route -> assertThat(route.method()).isEqualTo("GET"))
                .extracting(OpenApiContract.Route::operationId)
                .contains("get_drs_source_servers", "get_audit_logs", "get_dashboard_data", "get_region_status");
    }

    @Test
    void routes_shouldCarryPermissionAndHandler_whenRouteIsProtected() {
        // GIVEN the loaded contract WHEN the audit-log route is looked up THEN it is audit:read on query-handler
        assertThat(contract.routes()).filteredOn(route -> route.operationId().equals("get_audit_logs"))
                .singleElement()
                .satisfies(route -> {
                    assertThat(route.method()).isEqualTo("GET");
                    assertThat(route.path()).isEqualTo("/audit-logs");
                    assertThat(route.permission()).contains("audit:read");
                    assertThat(route.handler()).isEqualTo("query-handler");
                });
        // AND health alone has no permission
        assertThat(contract.routes()).filteredOn(route -> route.permission().isEmpty())
                .extracting(OpenApiContract.Route::operationId).containsExactly("health");
    }

    @Test
    void operationNamesOf_shouldIncludeRoutesDirectOperationsAndAliases_whenHandlerIsDataManagement() {
        // GIVEN the loaded contract WHEN the data-management handler's direct operation names are collected
        var names = contract.operationNamesOf("data-management-handler");
        // THEN they hold its own routes, its syncs and their aliases
        assertThat(names).contains("create_protection_group",
                "handle_sync_source_server_inventory", "sync_source_server_inventory",
                "handle_sync_staging_accounts", "sync_staging_accounts", "sync_recovery_instances", "trigger_tag_sync");
        // AND nothing that belongs to another handler only
        assertThat(names).doesNotContain("get_audit_logs", "poll_wave_status", "start_execution",
                "list_protection_groups");
    }

    @Test
    void directOperations_shouldKeepWaveWritesOnExecutionHandler_whenStateMachineInvokesThem() {
        // GIVEN the loaded contract WHEN the wave tasks are looked up THEN reads and writes sit on the right handlers
        assertThat(contract.directOperations().get("poll_wave_status").handler()).isEqualTo("query-handler");
        assertThat(contract.directOperations().get("update_wave_completion_status").handler())
                .isEqualTo("execution-handler");
        assertThat(contract.directOperations().get("update_wave_completion_status").permission()).isEqualTo("system");
        assertThat(contract.operationNamesOf("execution-handler"))
                .contains("start_wave_recovery", "update_wave_completion_status", "start_execution")
                .doesNotContain("list_executions");
    }
}
