package dev.drsorchestrator.tests.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.runtime.WaveRuntime;
import dev.drsorchestrator.local.sim.model.Job;
import dev.drsorchestrator.shared.execution.WaveStatus;
import dev.drsorchestrator.shared.model.Claim;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.ServerExecution;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.tests.support.Invoke;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Drills end to end: the real ASL file on the local runner, the three handlers in process, the simulator's DRS and
 * DynamoDB Local. Every wait is in simulated time; the tests wait for outcomes, never for durations.
 */
class WaveExecutionIT {

    private static List<Job> launchJobs(WaveFixture f) {
        return f.stack.sim().fleet().jobs(f.hub, WaveFixture.REGION).stream()
                .filter(j -> "LAUNCH".equals(j.type())).toList();
    }

    private static String executionId(JsonNode response) {
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(202);
        return Invoke.body(response).path("executionId").asText();
    }

    @Test
    void drill_shouldCompleteThreeWavesAndTerminateItsInstances_whenEveryServerLaunches() throws Exception {
        try (WaveFixture f = WaveFixture.start()) {
            // GIVEN a plan of three waves over six replicating servers
            List<String> servers = f.replicatingServers().subList(0, 6);
            String plan = f.plan(List.of(f.group(servers.subList(0, 2)), f.group(servers.subList(2, 4)),
                    f.group(servers.subList(4, 6))), List.of());

            // WHEN a drill starts through the API and the state machine runs to its end
            String id = executionId(f.startDrill(plan));
            Execution done = f.awaitEnd(id);

            // THEN every wave completed with a recovery instance per server, one DRS drill job per wave
            assertThat(done.status()).isEqualTo("COMPLETED");
            assertThat(done.waves()).extracting(WaveExecution::status).containsOnly("COMPLETED");
            assertThat(f.countedOnItsDay(done)).isEqualTo(1);
            assertThat(done.waves()).allSatisfy(w -> assertThat(w.launchedCount()).isEqualTo(2));
            assertThat(done.waves().stream().flatMap(w -> w.serverExecutions().stream())
                    .map(ServerExecution::recoveryInstanceId)).hasSize(6).doesNotContainNull();
            assertThat(launchJobs(f)).hasSize(3).allSatisfy(j -> assertThat(j.initiatedBy()).isEqualTo("START_DRILL"));
            assertThat(f.stack.sim().fleet().recoveryInstances(f.hub, WaveFixture.REGION)).hasSize(6);
            // AND the claims are released
            assertThat(servers).allSatisfy(s -> assertThat(f.stack.stores().claims()
                    .get(Claim.executionServerKey(s))).isEmpty());

            // WHEN the operator terminates the drill's instances and DRS finishes the termination job
            JsonNode terminate = f.action(id, "terminate-instances");
            assertThat(terminate.path("statusCode").asInt()).as(terminate.toString()).isEqualTo(200);
            assertThat(Invoke.body(terminate).path("totalTerminated").asInt()).isEqualTo(6);
            f.stack.sim().clock().advance(java.time.Duration.ofHours(1));

            // THEN the recovery instances are gone and a second termination is refused
            assertThat(f.stack.sim().fleet().recoveryInstances(f.hub, WaveFixture.REGION)).isEmpty();
            assertThat(f.action(id, "terminate-instances").path("statusCode").asInt()).isEqualTo(409);
        }
    }

    @Test
    void pause_shouldHoldWaveTwoUntilResume_whenThePlanPausesBeforeIt() throws Exception {
        try (WaveFixture f = WaveFixture.start()) {
            // GIVEN a two-wave plan that asks for approval before its second wave
            List<String> servers = f.replicatingServers().subList(0, 4);
            String plan = f.plan(List.of(f.group(servers.subList(0, 2)), f.group(servers.subList(2, 4))), List.of(1));

            // WHEN the drill starts and reaches the pause
            String id = executionId(f.startDrill(plan));
            Execution paused = f.awaitState(id, e -> e.taskToken() != null);

            // THEN it is PAUSED before wave 1 with wave 0 done and wave 1 not started
            assertThat(paused.status()).isEqualTo("PAUSED");
            assertThat(paused.pausedBeforeWave()).isEqualTo(1);
            assertThat(paused.wave(0).orElseThrow().status()).isEqualTo("COMPLETED");
            assertThat(paused.wave(1).orElseThrow().jobIds()).isEmpty();
            assertThat(launchJobs(f)).hasSize(1);

            // WHEN the operator resumes through the API
            JsonNode resumed = f.action(id, "resume");
            assertThat(resumed.path("statusCode").asInt()).as(resumed.toString()).isEqualTo(200);
            Execution done = f.awaitEnd(id);

            // THEN wave 1 ran after the resume and the drill completed
            assertThat(done.status()).isEqualTo("COMPLETED");
            assertThat(done.wave(1).orElseThrow().jobIds()).hasSize(1);
            assertThat(done.taskToken()).isNull();
            assertThat(launchJobs(f)).hasSize(2);
        }
    }

    @Test
    void cancel_shouldEndCancelledWithoutStartingAnotherWave_whenRequestedDuringAWave() throws Exception {
        try (WaveFixture f = WaveFixture.start()) {
            // GIVEN a three-wave drill whose first poll is held until the test lets it go
            List<String> servers = f.replicatingServers().subList(0, 3);
            String plan = f.plan(List.of(f.group(servers.subList(0, 1)), f.group(servers.subList(1, 2)),
                    f.group(servers.subList(2, 3))), List.of());
            GatedHandler gate = new GatedHandler(new dev.drsorchestrator.query.QueryHandler(
                    dev.drsorchestrator.shared.handler.CoreServices.from(f.waves.env())));
            f.waves.invoker().register(WaveRuntime.QUERY_FUNCTION, gate);
            String id = executionId(f.startDrill(plan));
            gate.awaitEntered();

            // WHEN the operator cancels while wave 0 is running, then the poll continues
            JsonNode cancel = f.action(id, "cancel");
            assertThat(cancel.path("statusCode").asInt()).as(cancel.toString()).isEqualTo(200);
            assertThat(Invoke.body(cancel).path("status").asText()).isEqualTo("CANCELLING");
            gate.open();
            Execution done = f.awaitEnd(id);

            // THEN the execution is CANCELLED, wave 0 finished launching, no later wave started
            assertThat(done.status()).isEqualTo("CANCELLED");
            assertThat(done.wave(0).orElseThrow().status()).isEqualTo("COMPLETED");
            assertThat(f.countedOnItsDay(done)).isEqualTo(1);
            assertThat(done.wave(1).orElseThrow().status()).isEqualTo(WaveStatus.CANCELLED.wireName());
            assertThat(done.wave(2).orElseThrow().jobIds()).isEmpty();
            assertThat(launchJobs(f)).hasSize(1);
            assertThat(f.stack.stores().claims().get(Claim.executionServerKey(servers.get(2)))).isEmpty();
        }
    }

    @Test
    void drill_shouldEndPartialNamingTheServer_whenOneServerFailsToLaunch() throws Exception {
        try (WaveFixture f = WaveFixture.start()) {
            // GIVEN a two-wave plan where DRS will fail one server's launch
            List<String> servers = f.replicatingServers().subList(0, 4);
            String plan = f.plan(List.of(f.group(servers.subList(0, 2)), f.group(servers.subList(2, 4))), List.of());
            f.stack.sim().fleet().failNextLaunch(servers.get(1));

            // WHEN the drill runs
            Execution done = f.awaitEnd(executionId(f.startDrill(plan)));

            // THEN it is PARTIAL, the failed server is named, and the other three launched
            assertThat(done.status()).isEqualTo("PARTIAL");
            assertThat(done.errorMessage()).contains(servers.get(1));
            assertThat(f.countedOnItsDay(done)).isEqualTo(1);
            WaveExecution first = done.wave(0).orElseThrow();
            assertThat(first.status()).isEqualTo("PARTIAL");
            assertThat(first.failedCount()).isEqualTo(1);
            assertThat(first.statusMessage()).contains(servers.get(1));
            assertThat(done.wave(1).orElseThrow().status()).isEqualTo("COMPLETED");
        }
    }

    @Test
    void drill_shouldRetryAndComplete_whenALambdaTaskFailsTransientlyTwice() throws Exception {
        try (WaveFixture f = WaveFixture.start()) {
            // GIVEN the execution handler answers its next two invocations with a Lambda service error
            List<String> servers = f.replicatingServers().subList(0, 2);
            String plan = f.plan(List.of(f.group(servers)), List.of());
            f.waves.invoker().failNext(WaveRuntime.EXECUTION_FUNCTION, 2, "Lambda.ServiceException");

            // WHEN a drill runs
            Execution done = f.awaitEnd(executionId(f.startDrill(plan)));

            // THEN the task was retried and the outcome is the same as without the failures, counted once
            assertThat(done.status()).isEqualTo("COMPLETED");
            assertThat(f.countedOnItsDay(done)).isEqualTo(1);
            assertThat(done.wave(0).orElseThrow().launchedCount()).isEqualTo(2);
            assertThat(launchJobs(f)).hasSize(1);
            assertThat(f.waves.engine().history(done.stateMachineExecutionArn()).stream()
                    .filter(e -> e.type().equals("TaskFailed"))).hasSize(2);
        }
    }

    @Test
    void updateWaveStatus_shouldChangeNothing_whenADeliveryIsRepeated() throws Exception {
        try (WaveFixture f = WaveFixture.start()) {
            // GIVEN a completed one-wave drill
            List<String> servers = f.replicatingServers().subList(0, 2);
            Execution done = f.awaitEnd(executionId(f.startDrill(f.plan(List.of(f.group(servers)), List.of()))));
            WaveExecution wave = done.wave(0).orElseThrow();
            var before = f.stack.snapshotTables();

            // WHEN the last update is delivered again, and an older one arrives late
            JsonNode duplicate = update(f, done, wave.pollSequence(), true);
            JsonNode late = update(f, done, wave.pollSequence() - 1, false);

            // THEN both answer without error and nothing in any table changed
            assertThat(duplicate.has("error")).as(duplicate.toString()).isFalse();
            assertThat(late.has("error")).as(late.toString()).isFalse();
            assertThat(duplicate.path("next").asText()).isEqualTo("FINALIZE");
            var after = f.stack.snapshotTables();
            after.remove("AUDIT_LOG_TABLE");
            before.remove("AUDIT_LOG_TABLE");
            assertThat(after).isEqualTo(before);
        }
    }

    private static JsonNode update(WaveFixture f, Execution execution, long sequence, boolean completed) {
        String event = dev.drsorchestrator.shared.json.Json.write(dev.drsorchestrator.shared.json.Json.mapper()
                .createObjectNode().put("action", "update_wave_completion_status")
                .put("executionId", execution.executionId()).put("planId", execution.planId())
                .put("waveNumber", 0).put("status", completed ? "COMPLETED" : "STARTED")
                .put("pollSequence", sequence)
                .set("waveData", dev.drsorchestrator.shared.json.Json.mapper().createObjectNode()
                        .put("jobStatus", completed ? "COMPLETED" : "STARTED").put("waveCompleted", completed)
                        .put("launchedCount", 0).put("failedCount", 0).put("totalCount", 2)));
        return Invoke.handler(f.waves.executionHandler(), event);
    }

    @Test
    void start_shouldRunOneAndRefuseTheOther_whenTwoPlansShareAServerConcurrently() throws Exception {
        try (WaveFixture f = WaveFixture.start()) {
            // GIVEN two plans over one group whose waves overlap on one server
            List<String> servers = f.replicatingServers().subList(0, 3);
            List<String> group = List.of(f.group(servers));
            String planA = f.planOfServers(group, List.of(servers.subList(0, 2)));
            String planB = f.planOfServers(group, List.of(servers.subList(1, 3)));

            // WHEN both start at the same moment
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var a = pool.submit(() -> f.startDrill(planA));
            var b = pool.submit(() -> f.startDrill(planB));
            List<JsonNode> responses = List.of(a.get(), b.get());
            pool.shutdown();

            // THEN exactly one runs and the other gets a 409 naming the shared server and the running execution
            List<JsonNode> accepted = responses.stream().filter(r -> r.path("statusCode").asInt() == 202).toList();
            List<JsonNode> refused = responses.stream().filter(r -> r.path("statusCode").asInt() == 409).toList();
            assertThat(accepted).hasSize(1);
            assertThat(refused).hasSize(1);
            String runningId = Invoke.body(accepted.get(0)).path("executionId").asText();
            assertThat(Invoke.body(refused.get(0)).path("message").asText())
                    .contains(servers.get(1)).contains(runningId);
            assertThat(f.awaitEnd(runningId).status()).isEqualTo("COMPLETED");
        }
    }

    @Test
    void drill_shouldLaunchAWaveOf250ServersAsThreeJobs_whenTheWaveExceedsOneJob() throws Exception {
        try (WaveFixture f = WaveFixture.startWithExtraServers(250)) {
            // GIVEN one wave of 250 replicating servers (from three groups, a group takes at most 98 per request)
            List<String> servers = f.replicatingServers().subList(0, 250);
            List<String> groups = List.of(f.group(servers.subList(0, 90)), f.group(servers.subList(90, 180)),
                    f.group(servers.subList(180, 250)));
            String plan = f.planOfServers(groups, List.of(servers));

            // WHEN the drill runs
            Execution done = f.awaitEnd(executionId(f.startDrill(plan)));

            // THEN DRS got three jobs of at most 100 servers covering all 250, and every server launched
            assertThat(done.status()).isEqualTo("COMPLETED");
            WaveExecution wave = done.wave(0).orElseThrow();
            assertThat(wave.jobIds()).hasSize(3);
            assertThat(wave.launchedCount()).isEqualTo(250);
            assertThat(launchJobs(f)).hasSize(3).allSatisfy(j -> assertThat(j.participants()).hasSizeLessThanOrEqualTo(100));
            assertThat(launchJobs(f).stream().mapToInt(j -> j.participants().size()).sum()).isEqualTo(250);
        }
    }
}
