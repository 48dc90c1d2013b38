package dev.drsorchestrator.tests.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.runtime.WaveRuntime;
import dev.drsorchestrator.local.sim.model.Job;
import dev.drsorchestrator.shared.model.Claim;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.ServerExecution;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.tests.support.Invoke;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Executions that fail, end to end on the real ASL file, the simulator and DynamoDB Local: a fault in the middle of a
 * wave, and DRS quotas that changed between preflight and a wave's start. What must hold is what an operator needs
 * afterwards: an honest status, the DRS jobs that may still launch, instances that can be found and removed, and no
 * server left claimed.
 */
class ExecutionFailureIT {

    private static String executionId(JsonNode response) {
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(202);
        return Invoke.body(response).path("executionId").asText();
    }

    private static void assertReleased(WaveFixture f, List<String> servers) {
        assertThat(servers).allSatisfy(s -> assertThat(f.stack.stores().claims()
                .get(Claim.executionServerKey(s))).as(s).isEmpty());
    }

    @Test
    void failure_shouldCloseTheRunningWaveFailedKeepingItsJobs_andLeaveItsInstancesTerminable_whenPollingFails()
            throws Exception {
        try (WaveFixture f = WaveFixture.startWithTopic()) {
            // GIVEN a two-wave drill whose wave poll (query handler) fails on every attempt once wave 0 has started
            List<String> servers = f.replicatingServers().subList(0, 4);
            String plan = f.plan(List.of(f.group(servers.subList(0, 2)), f.group(servers.subList(2, 4))), List.of());
            f.waves.invoker().failNext(WaveRuntime.QUERY_FUNCTION, 1000, "Lambda.ServiceException");

            // WHEN the drill runs until the state machine gives up
            String id = executionId(f.startDrill(plan));
            Execution failed = f.awaitEnd(id);

            // THEN the execution is FAILED and its running wave says so, keeping the DRS job that may still launch
            assertThat(failed.status()).isEqualTo("FAILED");
            assertThat(f.countedOnItsDay(failed)).isEqualTo(1);
            WaveExecution wave = failed.wave(0).orElseThrow();
            String job = wave.jobIds().get(0);
            assertThat(wave.status()).isEqualTo("FAILED");
            assertThat(wave.jobIds()).hasSize(1);
            assertThat(wave.statusMessage()).contains(job, "terminate_instances");
            assertThat(wave.error().path("openJobIds").get(0).asText()).isEqualTo(job);
            assertThat(failed.wave(1).orElseThrow().status()).isEqualTo("SKIPPED");
            assertThat(failed.errorMessage()).contains("Lambda.ServiceException", job);
            assertReleased(f, servers);
            // AND the failure notification names the job and how to find and terminate its instances
            assertThat(f.notices()).anySatisfy(n -> assertThat(n).contains("failed", id, job,
                    "/recovery-instances", "/terminate-instances"));

            // WHEN DRS finishes the job and the reconciler polls the execution
            f.stack.sim().clock().advance(Duration.ofHours(1));
            JsonNode polled = f.direct("poll", Map.of("executionId", id, "planId", plan));

            // THEN the instances DRS launched after the failure are recorded; the wave stays FAILED
            assertThat(polled.has("error")).as(polled.toString()).isFalse();
            assertThat(polled.path("openJobs").asBoolean()).isFalse();
            WaveExecution settled = f.execution(id).wave(0).orElseThrow();
            assertThat(settled.status()).isEqualTo("FAILED");
            assertThat(settled.error().path("settledJobIds").get(0).asText()).isEqualTo(job);
            assertThat(settled.serverExecutions()).extracting(ServerExecution::recoveryInstanceId)
                    .doesNotContainNull();

            // WHEN the operator terminates the drill's instances
            JsonNode terminate = f.action(id, "terminate-instances");

            // THEN both instances the failed wave launched are terminated
            assertThat(terminate.path("statusCode").asInt()).as(terminate.toString()).isEqualTo(200);
            assertThat(Invoke.body(terminate).path("totalTerminated").asInt()).isEqualTo(2);
            f.stack.sim().clock().advance(Duration.ofHours(1));
            assertThat(f.stack.sim().fleet().recoveryInstances(f.hub, WaveFixture.REGION)).isEmpty();
        }
    }

    @Test
    void terminate_shouldFindInstancesThroughTheDrsJobs_whenNoPollRecordedThem() throws Exception {
        try (WaveFixture f = WaveFixture.start()) {
            // GIVEN a one-wave drill that failed mid-wave and whose DRS job then finished, with no reconciler poll
            List<String> servers = f.replicatingServers().subList(0, 2);
            String plan = f.plan(List.of(f.group(servers)), List.of());
            f.waves.invoker().failNext(WaveRuntime.QUERY_FUNCTION, 1000, "Lambda.ServiceException");
            String id = executionId(f.startDrill(plan));
            assertThat(f.awaitEnd(id).status()).isEqualTo("FAILED");
            f.stack.sim().clock().advance(Duration.ofHours(1));

            // WHEN the operator terminates its instances
            JsonNode terminate = f.action(id, "terminate-instances");

            // THEN the instances are found through the wave's DRS job and terminated
            assertThat(terminate.path("statusCode").asInt()).as(terminate.toString()).isEqualTo(200);
            assertThat(Invoke.body(terminate).path("totalTerminated").asInt()).isEqualTo(2);
        }
    }

    @Test
    void waveStart_shouldFailTheExecutionNamingTheQuota_whenDrsFilledUpSincePreflight() throws Exception {
        try (WaveFixture f = WaveFixture.startWithExtraServers(30)) {
            // GIVEN a drill paused before its only wave, which passed preflight
            List<String> all = f.replicatingServers();
            List<String> servers = all.subList(0, 2);
            String plan = f.plan(List.of(f.group(servers)), List.of(0));
            String id = executionId(f.startDrill(plan));
            f.awaitState(id, e -> e.taskToken() != null);

            // AND meanwhile 20 other DRS jobs start in the same account and region
            for (String other : all.subList(2, 22)) {
                f.stack.sim().fleet().startRecovery(f.hub, WaveFixture.REGION, List.of(other), true, Map.of());
            }

            // WHEN the operator resumes and the wave would start
            JsonNode resumed = f.action(id, "resume");
            assertThat(resumed.path("statusCode").asInt()).as(resumed.toString()).isEqualTo(200);
            Execution done = f.awaitEnd(id);

            // THEN nothing of the wave was started, the execution is FAILED naming the quota, claims are released
            assertThat(done.status()).isEqualTo("FAILED");
            assertThat(done.errorMessage()).contains("would exceed DRS quotas", "20 concurrent jobs");
            WaveExecution wave = done.wave(0).orElseThrow();
            assertThat(wave.status()).isEqualTo("FAILED");
            assertThat(wave.statusMessage()).startsWith("Not started");
            assertThat(wave.jobIds()).isEmpty();
            List<Job> ours = f.stack.sim().fleet().jobs(f.hub, WaveFixture.REGION).stream()
                    .filter(j -> id.equals(j.tags().get("DRSOrchestratorExecutionId"))).toList();
            assertThat(ours).isEmpty();
            assertReleased(f, servers);
        }
    }
}
