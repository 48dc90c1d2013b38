package dev.drsorchestrator.tests.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.datamanagement.DataManagementHandler;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.shared.model.Claim;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.LaunchConfig;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.tests.support.DirectEvents;
import dev.drsorchestrator.tests.support.Invoke;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Starting an execution of a plan whose protection group selects its servers by tag, end to end: the servers are
 * resolved from the inventory (filled by the real inventory sync), claimed and launched, and the group's launch
 * configuration, never applied, comes back as a warning rather than a refusal.
 */
class ExecutionStartIT {

    @Test
    void start_shouldResolveClaimAndLaunchTagSelectedServers_andWarnAboutLaunchConfigDrift() throws Exception {
        try (WaveFixture f = WaveFixture.start()) {
            // GIVEN the inventory synced from DRS and a hub group selecting one replicating server by its Name tag,
            // with launch settings that were never applied
            f.stack.stores().targetAccounts().create(new TargetAccount(f.hub, "hub", null, null, null, null, true,
                    "active", null, null, List.of(), "ops@example.com", null, null, null, null));
            JsonNode sync = Invoke.handler(new DataManagementHandler(f.stack.core()),
                    DirectEvents.body("handle_sync_source_server_inventory", Map.of()));
            assertThat(sync.has("error")).as(sync.toString()).isFalse();
            String serverId = f.replicatingServers().get(0);
            SourceServer server = f.stack.sim().fleet().sourceServer(f.hub, WaveFixture.REGION, serverId)
                    .orElseThrow();
            assertThat(f.stack.stores().inventory().get(serverId)).isPresent();
            LaunchConfig settings = new LaunchConfig(null, List.of(), null, "m5.large", null, null, null, null, null,
                    null, null, null, null);
            String group = f.taggedGroup(Map.of("Name", server.tags().get("Name")), settings);
            String plan = f.plan(List.of(group), List.of(0));

            // WHEN a drill of the plan starts
            JsonNode started = f.startDrill(plan);

            // THEN it is accepted with a drift warning naming the group, the server and how to apply the settings
            assertThat(started.path("statusCode").asInt()).as(started.toString()).isEqualTo(202);
            JsonNode body = Invoke.body(started);
            assertThat(body.path("warnings")).hasSize(1);
            assertThat(body.path("warnings").get(0).asText()).contains("never applied for " + serverId,
                    "/protection-groups/" + group + "/apply-launch-configs");
            String id = body.path("executionId").asText();

            // AND the tag-selected server is the execution's, claimed while it runs
            Execution paused = f.awaitState(id, e -> e.taskToken() != null);
            assertThat(paused.serverIds()).containsExactly(serverId);
            assertThat(paused.metadata().path("warnings")).hasSize(1);
            assertThat(f.stack.stores().claims().get(Claim.executionServerKey(serverId)))
                    .get().extracting(Claim::ownerId).isEqualTo(id);

            // WHEN the operator resumes THEN the server is launched and the drill completes
            assertThat(f.action(id, "resume").path("statusCode").asInt()).isEqualTo(200);
            Execution done = f.awaitEnd(id);
            assertThat(done.status()).isEqualTo("COMPLETED");
            assertThat(done.wave(0).orElseThrow().launchedCount()).isEqualTo(1);
        }
    }

    @Test
    void start_shouldRefuseNamingTheWave_whenTheTagsMatchNoServerInTheInventory() throws Exception {
        try (WaveFixture f = WaveFixture.start()) {
            // GIVEN a group selecting a tag no server has (the inventory is empty of it)
            String group = f.taggedGroup(Map.of("Application", "no-such-app"), null);
            String plan = f.plan(List.of(group), List.of());

            // WHEN a drill starts THEN it is a 400 naming the wave and why, and nothing is claimed or started
            JsonNode refused = f.startDrill(plan);
            assertThat(refused.path("statusCode").asInt()).as(refused.toString()).isEqualTo(400);
            assertThat(Invoke.body(refused).path("message").asText()).contains("waves[0]",
                    "tags match none in the inventory");
            assertThat(f.stack.sim().fleet().jobs(f.hub, WaveFixture.REGION)).isEmpty();
        }
    }
}
