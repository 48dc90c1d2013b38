package dev.drsorchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationTable;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.security.Permission;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExecutionOperationsTest {

    private static OperationTable table() {
        Map<String, String> values = new HashMap<>();
        for (Table table : Table.values()) {
            values.put(table.envVariable(), "t-" + table.name());
        }
        values.put("AWS_REGION", "us-east-1");
        return ExecutionOperations.table(CoreServices.from(Env.of(values)));
    }

    @Test
    void table_shouldRouteTheContractsExecutionRoutesWithTheirPermissions() {
        // GIVEN the execution handler's table WHEN its routes are read THEN they are the contract's, with its permissions
        OperationTable table = table();
        Map<Route, Permission> expected = Map.of(
                Route.post("/executions"), Permission.RECOVERY_PLANS_EXECUTE,
                Route.post("/recovery-plans/{id}/execute"), Permission.RECOVERY_PLANS_EXECUTE,
                Route.post("/executions/{id}/cancel"), Permission.EXECUTIONS_WRITE,
                Route.post("/executions/{id}/pause"), Permission.EXECUTIONS_WRITE,
                Route.post("/executions/{id}/resume"), Permission.EXECUTIONS_WRITE,
                Route.post("/executions/{id}/terminate-instances"), Permission.EXECUTIONS_WRITE,
                Route.delete("/executions"), Permission.EXECUTIONS_WRITE);
        expected.forEach((route, permission) -> assertThat(table.byRoute(route))
                .as(route.toString()).get().extracting(op -> op.permission().orElseThrow()).isEqualTo(permission));
    }

    @Test
    void table_shouldOfferTheStateMachineTasksDirectly() {
        // GIVEN the table WHEN the state machine's task names are looked up THEN each resolves, pause as an alias
        OperationTable table = table();
        assertThat(table.byName("begin")).isPresent();
        assertThat(table.byName("start_wave_recovery")).isPresent();
        assertThat(table.byName("update_wave_completion_status")).isPresent();
        assertThat(table.byName("finalize")).isPresent();
        assertThat(table.byName("pause")).get().extracting(Operation::name).isEqualTo("store_task_token");
    }

    @Test
    void table_shouldOfferTheStateMachineTasksAndReconcilerOnlyAsSystemOperations() {
        // GIVEN the table WHEN the direct-only names are looked up THEN each resolves without a route, needing the
        // contract's system permission (held by no group: only the platform's own invocations reach them)
        OperationTable table = table();
        for (String name : java.util.List.of("begin", "store_task_token", "start_wave_recovery",
                "update_wave_completion_status", "resume_wave", "find", "poll", "finalize")) {
            assertThat(table.byName(name)).as(name).get().satisfies(op -> {
                assertThat(op.routes()).isEmpty();
                assertThat(op.permission()).contains(Permission.SYSTEM);
            });
        }
    }

    @Test
    void waveNumber_shouldAcceptTheOriginalsSnakeCaseAlias_andRejectNegativeNumbers() {
        // GIVEN payloads spelled both ways WHEN the wave number is read THEN both work and bad values name the field
        assertThat(WaveTasks.waveNumber(Json.mapper().createObjectNode().put("wave_number", 2), null)).isEqualTo(2);
        assertThat(WaveTasks.waveNumber(Json.mapper().createObjectNode(),
                Json.mapper().createObjectNode().put("waveNumber", 1))).isEqualTo(1);
        assertThatThrownBy(() -> WaveTasks.waveNumber(Json.mapper().createObjectNode().put("waveNumber", -1), null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'waveNumber'");
        assertThatThrownBy(() -> WaveState.text(Json.mapper().createObjectNode(), "executionId"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("'executionId'");
    }

    @Test
    void executionArn_shouldFollowStepFunctionsNaming() {
        assertThat(StartExecution.executionArn("arn:aws:states:us-east-1:111111111111:stateMachine:waves", "e-1"))
                .isEqualTo("arn:aws:states:us-east-1:111111111111:execution:waves:e-1");
    }
}
