package dev.drsorchestrator.tests.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.model.Claim;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.tests.support.Invoke;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The operations around executions that are not a drill's happy path, end to end: deleting finished executions,
 * the reconciler ({@code find}, {@code poll}) closing an execution whose state machine died, and {@code resume_wave}.
 */
class ExecutionMaintenanceIT {

    private static String executionId(JsonNode response) {
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(202);
        return Invoke.body(response).path("executionId").asText();
    }

    private static String claimOwner(WaveFixture f, String server) {
        return f.stack.stores().claims().get(Claim.executionServerKey(server)).map(Claim::ownerId).orElse(null);
    }

    @Test
    void deleteExecutions_shouldDeleteOnlyFinishedOnes_andLeaveTheActiveOnesAndTheirClaims() throws Exception {
        try (WaveFixture f = WaveFixture.start()) {
            // GIVEN a finished drill and, over the same servers, a drill paused before its first wave
            List<String> servers = f.replicatingServers().subList(0, 2);
            String group = f.group(servers);
            String done = executionId(f.startDrill(f.plan(List.of(group), List.of())));
            Execution finished = f.awaitEnd(done);
            assertThat(finished.status()).isEqualTo("COMPLETED");
            assertThat(f.countedOnItsDay(finished)).isEqualTo(1);
            String active = executionId(f.startDrill(f.plan(List.of(group), List.of(0))));
            f.awaitState(active, e -> e.taskToken() != null);
            String unknown = UUID.randomUUID().toString();

            // WHEN both and an unknown id are deleted
            JsonNode response = f.deleteExecutions(Map.of("ids", done + "," + active + "," + unknown));

            // THEN only the finished one is gone; the active one is reported with its status and keeps its claims
            assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
            JsonNode body = Invoke.body(response);
            assertThat(body.path("deletedCount").asInt()).isEqualTo(1);
            assertThat(body.path("activeExecutionsSkipped").get(0).path("executionId").asText()).isEqualTo(active);
            assertThat(body.path("activeExecutionsSkipped").get(0).path("status").asText()).isEqualTo("PAUSED");
            assertThat(body.path("notFoundIds").get(0).asText()).isEqualTo(unknown);
            assertThat(body.path("staleClaimsReleased").asInt()).isZero();
            assertThat(f.stack.stores().executions().get(done)).isEmpty();
            assertThat(f.countedOnItsDay(finished)).isZero();
            assertThat(f.stack.stores().executions().get(active)).isPresent();
            assertThat(servers).allSatisfy(s -> assertThat(claimOwner(f, s)).isEqualTo(active));

            // AND the store itself refuses to delete an execution that has not ended
            Execution stillActive = f.execution(active);
            assertThat(f.stack.stores().executions().deleteFinished(active, stillActive.planId())).isFalse();

            // WHEN every finished execution is deleted (no ids) THEN the active one is preserved again
            JsonNode all = Invoke.body(f.deleteExecutions(Map.of()));
            assertThat(all.path("deletedCount").asInt()).isZero();
            assertThat(all.path("activePreserved").asInt()).isEqualTo(1);
            assertThat(f.stack.stores().executions().get(active)).isPresent();

            // AND a malformed id list is a 400 naming the field
            JsonNode bad = f.deleteExecutions(Map.of("ids", "not-an-id"));
            assertThat(bad.path("statusCode").asInt()).isEqualTo(400);
            assertThat(Invoke.body(bad).path("message").asText()).contains("'ids'");
        }
    }

    @Test
    void find_shouldCloseAnExecutionWhoseStateMachineDied_andReleaseItsClaims() throws Exception {
        try (WaveFixture f = WaveFixture.start()) {
            // GIVEN a drill paused before its first wave
            List<String> servers = f.replicatingServers().subList(0, 2);
            String plan = f.plan(List.of(f.group(servers)), List.of(0));
            String id = executionId(f.startDrill(plan));
            Execution paused = f.awaitState(id, e -> e.taskToken() != null);

            // WHEN resume_wave is delivered while it is still paused THEN it waits (PAUSE), and bad input names fields
            JsonNode waiting = f.direct("resume_wave", Map.of("executionId", id, "planId", plan));
            assertThat(waiting.path("next").asText()).as(waiting.toString()).isEqualTo("PAUSE");
            assertThat(f.direct("resume_wave", Map.of("planId", plan)).path("message").asText())
                    .contains("'executionId'");
            assertThat(f.direct("poll", Map.of("executionId", id)).path("message").asText()).contains("'planId'");

            // AND its state machine execution is stopped from outside, leaving it PAUSED with nothing to resume it
            Gateways.from(CoreServices.from(f.stack.env())).stepFunctions()
                    .stopExecution(paused.stateMachineExecutionArn(), "Test.Stopped", "stopped by the test");

            // WHEN the scheduled reconciler runs
            JsonNode found = f.direct("find", Map.of());

            // THEN it found and closed the stuck execution: FAILED with the reason, wave skipped, claims released
            assertThat(found.path("executionsFound").asInt()).as(found.toString()).isEqualTo(1);
            assertThat(found.path("results").get(0).path("reconciled").asBoolean()).isTrue();
            Execution closed = f.execution(id);
            assertThat(closed.status()).isEqualTo("FAILED");
            assertThat(closed.errorMessage()).contains("ABORTED", "closed by the reconciler");
            assertThat(closed.taskToken()).isNull();
            assertThat(closed.wave(0).orElseThrow().status()).isEqualTo("SKIPPED");
            assertThat(servers).allSatisfy(s -> assertThat(claimOwner(f, s)).isNull());

            assertThat(f.countedOnItsDay(closed)).isEqualTo(1);

            // WHEN it runs again THEN there is nothing left to do
            assertThat(f.direct("find", Map.of()).path("executionsFound").asInt()).isZero();
        }
    }

    @Test
    void rebuildExecutionCounts_shouldRestoreTheCounts_whenTheDayItemsWereLost() throws Exception {
        try (WaveFixture f = WaveFixture.start()) {
            // GIVEN a finished drill whose day item is lost (as in a deployment older than the counts)
            List<String> servers = f.replicatingServers().subList(0, 2);
            Execution done = f.awaitEnd(executionId(f.startDrill(f.plan(List.of(f.group(servers)), List.of()))));
            String counts = f.stack.tables().get(Table.EXECUTION_COUNTS.envVariable());
            f.stack.dynamo().scan(r -> r.tableName(counts)).items().forEach(item -> f.stack.dynamo()
                    .deleteItem(r -> r.tableName(counts).key(Map.of("day", item.get("day")))));
            assertThat(f.countedOnItsDay(done)).isZero();

            // WHEN the operator runs the backfill on execution-handler
            JsonNode rebuilt = f.direct("rebuild_execution_counts", Map.of());

            // THEN it counted the drill on its day, and said it is complete
            assertThat(rebuilt.path("complete").asBoolean()).as(rebuilt.toString()).isTrue();
            assertThat(rebuilt.path("finishedCounted").asInt()).isEqualTo(1);
            assertThat(rebuilt.path("daysWritten").asInt()).isEqualTo(1);
            assertThat(rebuilt.path("unsettledDays")).isEmpty();
            assertThat(f.countedOnItsDay(done)).isEqualTo(1);
        }
    }
}
