package dev.drsorchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.gateway.AccountIdentities;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.gateway.SfnGateway;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.invocation.Invocation;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.notification.ExecutionNotifier;
import dev.drsorchestrator.shared.security.Principal;
import dev.drsorchestrator.shared.store.ExecutionStore;
import dev.drsorchestrator.shared.store.Page;
import dev.drsorchestrator.shared.store.Stores;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The reconciler at its boundary: the execution store and Step Functions mocked, one execution at a time. */
class ReconcilerTest {
    private final ExecutionStore executions = mock(ExecutionStore.class);
    private final SfnGateway sfn = mock(SfnGateway.class);
    private final Reconciler reconciler;

    ReconcilerTest() {
        Stores stores = new Stores(null, null, null, executions, null, null, null, null, null, null, null);
        Gateways gateways = mock(Gateways.class);
        when(gateways.stepFunctions()).thenReturn(sfn);
        reconciler = new Reconciler(new ExecutionServices(stores, gateways,
                new ExecutionNotifier(Optional.empty(), Optional.empty()),
                new ExecutionSettings(Optional.empty(), Optional.empty(), 30, 3600, Optional.empty()),
                Clock.systemUTC(), new AccountIdentities(id -> Optional.empty(), null)));
        when(executions.listByStatus(any(), anyInt(), any())).thenReturn(new Page<>(List.of(), Optional.empty()));
    }

    private static Execution running(String id) {
        return new Execution(id, "plan-1", "Prod", "DRILL", "RUNNING", "2026-01-01T00:00:00Z", null, 0, 1,
                List.of(), List.of(), "ops", null, "arn:aws:states:us-east-1:111111111111:execution:m:" + id, null,
                null, null, null, 3L);
    }

    private static OperationRequest request(Map<String, ?> body) {
        Invocation invocation = mock(Invocation.class);
        when(invocation.body()).thenReturn(Json.mapper().valueToTree(body));
        when(invocation.queryParameters()).thenReturn(Map.of());
        when(invocation.principal()).thenReturn(new Principal.Unknown());
        return new OperationRequest(invocation, Map.of(), "req-7");
    }

    private static SfnGateway.ExecutionStatus sfnStatus(String status) {
        return new SfnGateway.ExecutionStatus("arn", "sm", "n", status, null, null, null, null, null, null);
    }

    @Test
    void find_shouldReportTheFailureAndPollTheOthers_whenOneExecutionCannotBePolled() {
        // GIVEN two running executions; Step Functions cannot be asked about the first, the second is running
        Execution broken = running("e-1");
        Execution healthy = running("e-2");
        when(executions.listByStatus(eq(ExecutionStatus.RUNNING), anyInt(), any()))
                .thenReturn(new Page<>(List.of(broken, healthy), Optional.empty()));
        when(sfn.describeExecution(broken.stateMachineExecutionArn())).thenThrow(new IllegalStateException("down"));
        when(sfn.describeExecution(healthy.stateMachineExecutionArn())).thenReturn(sfnStatus("RUNNING"));

        // WHEN the reconciler runs
        JsonNode result = Json.mapper().valueToTree(reconciler.find(request(Map.of())));

        // THEN the first is reported failed with the request id, the second polled, and nothing was written
        assertThat(result.path("executionsFound").asInt()).isEqualTo(2);
        assertThat(result.path("results").get(0).path("success").asBoolean()).isFalse();
        assertThat(result.path("results").get(0).path("error").asText()).contains("req-7");
        assertThat(result.path("results").get(1).path("success").asBoolean()).isTrue();
        assertThat(result.path("results").get(1).path("reconciled").asBoolean()).isFalse();
        verify(executions, never()).transition(any(), any(), any(), any());
        verify(executions, never()).updateWave(any(), any(), anyInt(), org.mockito.ArgumentMatchers.anyLong(),
                any());
    }

    @Test
    void find_shouldLeaveAStartingExecutionAlone_whenItsStateMachineExecutionDoesNotExistYet() {
        // GIVEN an execution written PENDING a moment ago, whose StartExecution has not answered yet
        Execution starting = new Execution("e-3", "plan-1", "Prod", "DRILL", "PENDING",
                java.time.Instant.now().toString(), null, 0, 1, List.of(), List.of(), "ops", null,
                "arn:aws:states:us-east-1:111111111111:execution:m:e-3", null, null, null, null, 1L);
        when(executions.listByStatus(eq(ExecutionStatus.PENDING), anyInt(), any()))
                .thenReturn(new Page<>(List.of(starting), Optional.empty()));
        var missing = mock(dev.drsorchestrator.shared.gateway.AwsCallFailure.NotFound.class);
        when(missing.errorCode()).thenReturn("ExecutionDoesNotExist");
        when(sfn.describeExecution(starting.stateMachineExecutionArn())).thenThrow(missing);

        // WHEN the reconciler runs
        JsonNode result = Json.mapper().valueToTree(reconciler.find(request(Map.of())));

        // THEN it is not closed (that would fail a recovery that is starting)
        assertThat(result.path("results").get(0).path("reconciled").asBoolean()).isFalse();
        verify(executions, never()).transition(any(), any(), any(), any());
    }

    @Test
    void poll_shouldNameTheMissingField_whenPlanIdIsAbsent() {
        // GIVEN a poll without planId WHEN it runs THEN it is a 400 naming the field
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reconciler.poll(request(Map.of("executionId",
                "e-1")))).isInstanceOf(dev.drsorchestrator.shared.error.ValidationException.class)
                .hasMessageContaining("'planId'");
    }
}
