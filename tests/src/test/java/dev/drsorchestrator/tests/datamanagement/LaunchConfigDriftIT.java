package dev.drsorchestrator.tests.datamanagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.datamanagement.DataManagementHandler;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.local.sim.scenario.GeneratorOptions;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import dev.drsorchestrator.query.QueryHandler;
import dev.drsorchestrator.shared.launch.AppliedLaunchConfig;
import dev.drsorchestrator.shared.launch.LaunchConfigDrift;
import dev.drsorchestrator.shared.model.EffectiveLaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.store.AppliedLaunchConfigStore;
import dev.drsorchestrator.tests.support.ApiEvents;
import dev.drsorchestrator.tests.support.DirectEvents;
import dev.drsorchestrator.tests.support.Invoke;
import dev.drsorchestrator.tests.support.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * apply_launch_configs records the applied hash per server (with when and by whom) and get_launch_config_status
 * compares it with the group's current configuration: in sync, drifted, never applied. Real handlers, DynamoDB Local
 * and the simulator.
 */
class LaunchConfigDriftIT {
    private static final String HUB = DataManagementIT.HUB;
    private static final String PLANNER = "planner@example.com";
    private static TestStack stack;
    private static DataManagementHandler dataManagement;
    private static QueryHandler query;

    @BeforeAll
    static void start() {
        stack = TestStack.start(ScenarioGenerator.generate(GeneratorOptions.of(17, 1, 1, 8)),
                Map.of("AWS_ACCOUNT_ID", HUB));
        dataManagement = new DataManagementHandler(stack.core());
        query = new QueryHandler(stack.core());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static JsonNode direct(String operation, Object body) {
        return Invoke.handler(dataManagement, DirectEvents.body(operation, body));
    }

    private static JsonNode applyAs(String email, String groupId) {
        String event = ApiEvents.request("POST", "/protection-groups/{id}/apply-launch-configs",
                "/protection-groups/" + groupId + "/apply-launch-configs").user(email, "Admin")
                .pathParameters(Map.of("id", groupId)).body(Map.of()).json();
        return Invoke.body(Invoke.handler(dataManagement, event));
    }

    private static JsonNode status(String groupId) {
        String event = ApiEvents.request("GET", "/protection-groups/{id}/launch-config-status",
                "/protection-groups/" + groupId + "/launch-config-status").user("viewer@example.com", "Viewer")
                .pathParameters(Map.of("id", groupId)).json();
        JsonNode response = Invoke.handler(query, event);
        assertThat(response.path("statusCode").asInt()).as(response.toString()).isEqualTo(200);
        return Invoke.body(response);
    }

    private static Map<String, String> driftByServer(JsonNode status) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        status.path("serverConfigs").forEach(s -> out.put(s.path("sourceServerId").asText(),
                s.path("drift").asText()));
        return out;
    }

    @Test
    void launchConfigStatus_shouldMoveFromNeverAppliedToInSyncToDrifted_asTheGroupIsAppliedThenEdited() {
        // GIVEN a group of two servers, never applied
        List<String> ids = stack.sim().fleet().sourceServers(HUB, TestStack.REGION).stream().limit(3)
                .map(SourceServer::id).toList();
        String groupId = direct("create_protection_group", Map.of("groupName", "Drift group", "region", "us-east-1",
                "sourceServerIds", ids.subList(0, 2), "launchConfig", Map.of("instanceType", "m5.large",
                        "copyTags", true))).path("groupId").asText();
        JsonNode before = status(groupId);

        // WHEN it is applied by a planner
        JsonNode applied = applyAs(PLANNER, groupId);
        JsonNode inSync = status(groupId);

        // AND the group's defaults change and a third server joins
        ProtectionGroup current = stack.stores().protectionGroups().require(groupId);
        JsonNode updated = direct("update_protection_group", Map.of("groupId", groupId, "version", current.version(),
                "sourceServerIds", ids, "launchConfig", Map.of("instanceType", "m5.xlarge", "copyTags", true)));
        JsonNode drifted = status(groupId);

        // THEN
        assertThat(before.path("status").asText()).isEqualTo("pending");
        assertThat(driftByServer(before).values()).containsOnly("never-applied");
        assertThat(applied.path("status").asText()).as(applied.toString()).isEqualTo("ready");
        assertThat(inSync.path("status").asText()).as(inSync.toString()).isEqualTo("ready");
        assertThat(inSync.path("inSyncCount").asInt()).isEqualTo(2);
        assertThat(inSync.path("appliedBy").asText()).isEqualTo(PLANNER);
        for (JsonNode server : inSync.path("serverConfigs")) {
            assertThat(server.path("status").asText()).isEqualTo("ready");
            assertThat(server.path("appliedConfigHash").asText()).isEqualTo(server.path("configHash").asText())
                    .hasSize(64);
            assertThat(server.path("appliedBy").asText()).isEqualTo(PLANNER);
            assertThat(server.path("lastApplied").asText()).isNotBlank();
        }
        assertThat(updated.path("statusCode").isMissingNode()).as(updated.toString()).isTrue();
        assertThat(drifted.path("status").asText()).isEqualTo("drifted");
        assertThat(driftByServer(drifted)).containsExactly(Map.entry(ids.get(0), "drifted"),
                Map.entry(ids.get(1), "drifted"), Map.entry(ids.get(2), "never-applied"));
        assertThat(drifted.path("driftedCount").asInt()).isEqualTo(2);
        assertThat(drifted.path("neverAppliedCount").asInt()).isEqualTo(1);
    }

    @Test
    void forGroup_shouldGiveTheExecutionSideTheSameDrift_whenReadThroughTheSharedStore() {
        // GIVEN a group applied once, then edited
        List<String> ids = stack.sim().fleet().sourceServers(HUB, TestStack.REGION).stream().skip(4).limit(2)
                .map(SourceServer::id).toList();
        String groupId = direct("create_protection_group", Map.of("groupName", "Shared drift group",
                "region", "us-east-1", "sourceServerIds", ids, "launchConfig", Map.of("copyPrivateIp", true)))
                .path("groupId").asText();
        applyAs(PLANNER, groupId);
        ProtectionGroup current = stack.stores().protectionGroups().require(groupId);
        direct("update_protection_group", Map.of("groupId", groupId, "version", current.version(),
                "launchConfig", Map.of("copyPrivateIp", false)));
        ProtectionGroup edited = stack.stores().protectionGroups().require(groupId);
        AppliedLaunchConfigStore store = AppliedLaunchConfigStore.from(stack.core().clients()::dynamoDb,
                stack.env());
        // WHEN
        Map<String, AppliedLaunchConfig> records = store.forGroup(groupId, ids);
        Map<String, LaunchConfigDrift.ServerDrift> drift = store.drift(edited, ids);
        // THEN
        assertThat(records).containsOnlyKeys(ids);
        assertThat(records.values()).allSatisfy(r -> {
            assertThat(r.appliedBy()).isEqualTo(PLANNER);
            assertThat(r.configHash()).isEqualTo(EffectiveLaunchConfig.hash(current, r.sourceServerId()));
        });
        List<LaunchConfigDrift.State> states = new ArrayList<>();
        drift.values().forEach(d -> states.add(d.state()));
        assertThat(states).containsOnly(LaunchConfigDrift.State.DRIFTED);
    }
}
