package dev.drsorchestrator.tests.datamanagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.datamanagement.DataManagementHandler;
import dev.drsorchestrator.local.sim.scenario.GeneratorOptions;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.tests.support.ApiEvents;
import dev.drsorchestrator.tests.support.DirectEvents;
import dev.drsorchestrator.tests.support.Invoke;
import dev.drsorchestrator.tests.support.TestStack;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** data-management-handler through its entry point against DynamoDB Local and the simulator. */
class DataManagementIT {
    static final String HUB = "111111111111";
    static final String SUBNET = "subnet-" + String.format("%017x", 100001L);
    private static TestStack stack;
    private static DataManagementHandler handler;
    private static int sequence;

    @BeforeAll
    static void start() {
        stack = TestStack.start(ScenarioGenerator.generate(GeneratorOptions.of(7, 1, 1, 20)),
                Map.of("AWS_ACCOUNT_ID", HUB));
        handler = new DataManagementHandler(stack.core());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void next() {
        sequence++;
    }

    static JsonNode direct(String operation, Object body) {
        return Invoke.handler(handler, DirectEvents.body(operation, body));
    }

    static String serverId(int n) {
        return "s-" + String.format("%017x", 0xabc000L + sequence * 100L + n);
    }

    static Map<String, Object> group(String name, List<String> ids) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("groupName", name);
        body.put("region", "us-east-1");
        body.put("sourceServerIds", ids);
        return body;
    }

    @Test
    void createProtectionGroup_shouldStampAndVersion_whenValid() {
        // WHEN
        JsonNode created = direct("create_protection_group", group("Web tier " + sequence, List.of(serverId(1))));
        // THEN
        assertThat(created.path("version").asLong()).isEqualTo(1);
        assertThat(created.path("groupId").asText()).isNotBlank();
        assertThat(created.path("accountId").asText()).isEqualTo(HUB);
        assertThat(stack.stores().protectionGroups().require(created.path("groupId").asText()).groupName())
                .isEqualTo("Web tier " + sequence);
    }

    @Test
    void createProtectionGroup_shouldConflict_whenTheNameDiffersOnlyInCase() {
        // GIVEN
        direct("create_protection_group", group("Database Tier " + sequence, List.of(serverId(1))));
        // WHEN
        JsonNode duplicate = direct("create_protection_group", group("DATABASE tier " + sequence,
                List.of(serverId(2))));
        // THEN
        assertThat(duplicate.path("statusCode").asInt()).isEqualTo(409);
        assertThat(duplicate.path("message").asText()).contains("already exists");
    }

    @Test
    void createProtectionGroup_shouldConflictNamingServerAndGroup_whenTheServerIsInAnotherGroup() {
        // GIVEN
        JsonNode first = direct("create_protection_group", group("Owner " + sequence, List.of(serverId(1))));
        // WHEN
        JsonNode second = direct("create_protection_group", group("Thief " + sequence, List.of(serverId(1))));
        // THEN
        assertThat(second.path("statusCode").asInt()).isEqualTo(409);
        assertThat(second.path("message").asText()).contains(serverId(1))
                .contains("'Owner " + sequence + "'").contains(first.path("groupId").asText());
    }

    @Test
    void createProtectionGroup_shouldRefuseAndWriteNothing_whenInputIsBad() {
        // GIVEN
        var before = stack.snapshotTables();
        before.remove("AUDIT_LOG_TABLE");
        Map<String, Object> wrongType = group("Bad " + sequence, List.of(serverId(1)));
        wrongType.put("serverSelectionTags", List.of("not", "a", "map"));
        Map<String, Object> injected = group("x'; DROP TABLE pg; --", List.of("s-123 OR 1=1"));
        // WHEN
        JsonNode shortName = direct("create_protection_group", group("ab", List.of(serverId(1))));
        JsonNode badType = direct("create_protection_group", wrongType);
        JsonNode badId = direct("create_protection_group", injected);
        JsonNode version = direct("create_protection_group", Map.of("groupName", "Versioned", "region", "us-east-1",
                "sourceServerIds", List.of(serverId(3)), "version", 7));
        JsonNode malformed = Invoke.handler(handler, ApiEvents.request("POST", "/protection-groups",
                "/protection-groups").user("admin@example.com", "Admin").rawBody("{\"groupName\": ").json());
        // THEN
        assertThat(shortName.path("message").asText()).contains("Field 'groupName' must be 3-128 characters");
        assertThat(badType.path("message").asText()).contains("serverSelectionTags");
        assertThat(badId.path("message").asText()).contains("Field 'sourceServerIds'");
        assertThat(version.path("message").asText()).contains("Field 'version'");
        assertThat(malformed.path("statusCode").asInt()).isEqualTo(400);
        var after = stack.snapshotTables();
        after.remove("AUDIT_LOG_TABLE");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void createProtectionGroup_shouldAnswer201ForAdminAnd403ForViewer_whenCalledThroughApiGateway() {
        // GIVEN
        Map<String, Object> body = group("Api group " + sequence, List.of(serverId(1)));
        // WHEN
        JsonNode viewer = Invoke.handler(handler, ApiEvents.request("POST", "/protection-groups",
                "/protection-groups").user("viewer@example.com", "Viewer").body(body).json());
        JsonNode admin = Invoke.handler(handler, ApiEvents.request("POST", "/protection-groups",
                "/protection-groups").user("admin@example.com", "Admin").body(body).json());
        // THEN
        assertThat(viewer.path("statusCode").asInt()).isEqualTo(403);
        assertThat(admin.path("statusCode").asInt()).isEqualTo(201);
        assertThat(Invoke.body(admin).path("createdBy").asText()).isEqualTo("admin@example.com");
    }

    @Test
    void updateProtectionGroup_shouldConflict_whenTheVersionIsStale() {
        // GIVEN
        JsonNode created = direct("create_protection_group", group("Versioned " + sequence, List.of(serverId(1))));
        String id = created.path("groupId").asText();
        // WHEN
        JsonNode updated = direct("update_protection_group", Map.of("id", id, "description", "first", "version", 1));
        JsonNode stale = direct("update_protection_group", Map.of("id", id, "description", "second", "version", 1));
        JsonNode missing = direct("update_protection_group", Map.of("id", "no-such-group", "description", "x"));
        // THEN
        assertThat(updated.path("version").asLong()).isEqualTo(2);
        assertThat(stale.path("statusCode").asInt()).isEqualTo(409);
        assertThat(missing.path("statusCode").asInt()).isEqualTo(404);
        assertThat(stack.stores().protectionGroups().require(id).description()).isEqualTo("first");
    }

    @Test
    void deleteProtectionGroup_shouldConflict_whileARecoveryPlanUsesIt() {
        // GIVEN
        String groupId = direct("create_protection_group", group("Used " + sequence, List.of(serverId(1))))
                .path("groupId").asText();
        JsonNode plan = direct("create_recovery_plan", Map.of("planName", "Plan " + sequence, "waves",
                List.of(Map.of("waveName", "Wave 1", "protectionGroupIds", List.of(groupId)))));
        // WHEN
        JsonNode blocked = direct("delete_protection_group", Map.of("id", groupId));
        JsonNode planDeleted = direct("delete_recovery_plan", Map.of("id", plan.path("planId").asText()));
        JsonNode deleted = direct("delete_protection_group", Map.of("id", groupId));
        // THEN
        assertThat(plan.path("version").asLong()).isEqualTo(1);
        assertThat(plan.path("waves").get(0).path("serverCount").asInt()).isEqualTo(1);
        assertThat(blocked.path("statusCode").asInt()).isEqualTo(409);
        assertThat(blocked.path("message").asText()).contains("Plan " + sequence);
        assertThat(planDeleted.path("message").asText()).contains("deleted");
        assertThat(deleted.path("message").asText()).contains("deleted");
        assertThat(stack.stores().protectionGroups().get(groupId)).isEmpty();
    }

    @Test
    void createRecoveryPlan_shouldRefuse_whenWavesAreInvalid() {
        // GIVEN
        String groupId = direct("create_protection_group", group("Waves " + sequence, List.of(serverId(1))))
                .path("groupId").asText();
        // WHEN
        JsonNode unknownGroup = direct("create_recovery_plan", Map.of("planName", "Unknown " + sequence, "waves",
                List.of(Map.of("waveName", "W1", "protectionGroupIds", List.of("missing-group")))));
        JsonNode forward = direct("create_recovery_plan", Map.of("planName", "Forward " + sequence, "waves",
                List.of(Map.of("waveName", "W1", "protectionGroupIds", List.of(groupId), "dependsOnWaves", List.of(1)),
                        Map.of("waveName", "W2", "protectionGroupIds", List.of(groupId)))));
        JsonNode noWaves = direct("create_recovery_plan", Map.of("planName", "Empty " + sequence, "waves", List.of()));
        // THEN
        assertThat(unknownGroup.path("statusCode").asInt()).isEqualTo(400);
        assertThat(unknownGroup.path("message").asText()).contains("missing-group");
        assertThat(forward.path("statusCode").asInt()).isEqualTo(400);
        assertThat(forward.path("message").asText()).contains("waves[0]");
        assertThat(noWaves.path("statusCode").asInt()).isEqualTo(400);
    }

    @Test
    void resolveProtectionGroupTags_shouldReturnServersMatchingEveryTag_whenTheInventoryHasThem() {
        // GIVEN
        List<InventoryServer> servers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            servers.add(inventory(serverId(i), Map.of("App", "shop", "Env", i < 3 ? "prod" : "test")));
        }
        stack.stores().inventory().writeAll(servers);
        // WHEN
        JsonNode resolved = direct("resolve_protection_group_tags", Map.of("region", "us-west-1",
                "tags", Map.of("App", "shop", "Env", "prod")));
        // THEN
        assertThat(resolved.path("serverCount").asInt()).isEqualTo(3);
    }

    static InventoryServer inventory(String id, Map<String, String> tags) {
        return new InventoryServer(id, HUB, "us-west-1", InventoryServer.accountRegion(HUB, "us-west-1"), "host-" + id,
                null, null, null, null, null, null, null, null, null, null, null, null, "CONTINUOUS", null, null, null,
                null, null, List.of(), tags, tags, null);
    }

    @Test
    void validateStaticIp_shouldAcceptInsideAndRejectOutsideTheSubnetCidr() {
        // GIVEN
        String groupId = direct("create_protection_group", group("Ips " + sequence, List.of(serverId(1))))
                .path("groupId").asText();
        // WHEN
        JsonNode inside = direct("validate_static_ip", Map.of("id", groupId, "serverId", serverId(1),
                "staticPrivateIp", "10.10.1.50", "subnetId", SUBNET));
        JsonNode outside = direct("validate_static_ip", Map.of("id", groupId, "serverId", serverId(1),
                "staticPrivateIp", "10.99.1.50", "subnetId", SUBNET));
        // THEN
        assertThat(inside.path("valid").asBoolean()).as(inside.toString()).isTrue();
        assertThat(outside.path("valid").asBoolean()).isFalse();
        assertThat(outside.path("details").path("subnetCidr").asText()).isEqualTo("10.10.1.0/24");
    }

    @Test
    void updateServerLaunchConfig_shouldSaveAndBumpTheGroupVersion_whenTheIpIsInsideTheSubnet() {
        // GIVEN
        String groupId = direct("create_protection_group", group("Overrides " + sequence,
                List.of(serverId(1), serverId(2)))).path("groupId").asText();
        // WHEN
        JsonNode saved = direct("update_server_launch_config", Map.of("id", groupId, "serverId", serverId(1),
                "useGroupDefaults", false, "launchTemplate", Map.of("subnetId", SUBNET,
                        "staticPrivateIp", "10.10.1.60", "instanceType", "m5.large")));
        JsonNode clash = direct("update_server_launch_config", Map.of("id", groupId, "serverId", serverId(2),
                "useGroupDefaults", false, "launchTemplate", Map.of("subnetId", SUBNET,
                        "staticPrivateIp", "10.10.1.60")));
        JsonNode outside = direct("update_server_launch_config", Map.of("id", groupId, "serverId", serverId(2),
                "useGroupDefaults", false, "launchTemplate", Map.of("subnetId", SUBNET,
                        "staticPrivateIp", "192.168.0.5")));
        JsonNode removed = direct("delete_server_launch_config", Map.of("id", groupId, "serverId", serverId(1)));
        // THEN
        assertThat(saved.path("groupVersion").asLong()).as(saved.toString()).isEqualTo(2);
        assertThat(clash.path("statusCode").asInt()).isEqualTo(400);
        assertThat(outside.path("statusCode").asInt()).isEqualTo(400);
        assertThat(outside.path("message").asText()).contains("launchTemplate.staticPrivateIp");
        assertThat(removed.path("useGroupDefaults").asBoolean()).isTrue();
        assertThat(stack.stores().protectionGroups().require(groupId).servers()).isEmpty();
    }

    @Test
    void bulkUpdateServerConfigs_shouldReportPerServer_whenSomeAreNotInTheGroup() {
        // GIVEN
        String groupId = direct("create_protection_group", group("Bulk " + sequence, List.of(serverId(1))))
                .path("groupId").asText();
        // WHEN
        JsonNode result = direct("bulk_update_server_configs", Map.of("id", groupId, "servers", List.of(
                Map.of("serverId", serverId(1), "useGroupDefaults", false,
                        "launchTemplate", Map.of("instanceType", "c5.xlarge")),
                Map.of("serverId", serverId(9), "useGroupDefaults", true))));
        // THEN
        assertThat(result.path("successCount").asInt()).isEqualTo(1);
        assertThat(result.path("failureCount").asInt()).isEqualTo(1);
        assertThat(stack.stores().protectionGroups().require(groupId).servers().get(0).launchTemplate().instanceType())
                .isEqualTo("c5.xlarge");
    }

    @Test
    void accounts_shouldBeAddedValidatedExtendedAndRemoved() {
        // GIVEN
        String account = String.format("%012d", 900000000000L + sequence);
        // WHEN
        JsonNode added = direct("add_target_account", Map.of("accountId", account, "accountName", "Prod DR",
                "roleArn", "arn:aws:iam::" + account + ":role/DRSOrchestrationRole", "externalId", "ext-123"));
        JsonNode wrongAccountRole = direct("add_target_account", Map.of("accountId", "222233334444",
                "accountName", "Mismatch", "roleArn", "arn:aws:iam::999999999999:role/R"));
        JsonNode staged = direct("add_staging_account", Map.of("id", account, "stagingAccount",
                Map.of("accountId", "333344445555", "accountName", "Staging")));
        JsonNode again = direct("add_staging_account", Map.of("id", account, "stagingAccount",
                Map.of("accountId", "333344445555")));
        JsonNode unstaged = direct("remove_staging_account", Map.of("id", account, "stagingAccountId",
                "333344445555"));
        JsonNode renamed = direct("update_target_account", Map.of("id", account, "accountName", "Prod DR 2"));
        JsonNode validated = direct("validate_target_account", Map.of("id", account));
        JsonNode deleted = direct("delete_target_account", Map.of("id", account));
        // THEN
        assertThat(added.path("version").asLong()).isEqualTo(1);
        assertThat(wrongAccountRole.path("statusCode").asInt()).isEqualTo(400);
        assertThat(staged.path("stagingAccounts")).hasSize(1);
        assertThat(again.path("statusCode").asInt()).isEqualTo(409);
        assertThat(unstaged.path("stagingAccounts")).isEmpty();
        assertThat(renamed.path("accountName").asText()).isEqualTo("Prod DR 2");
        assertThat(validated.has("valid")).as(validated.toString()).isTrue();
        assertThat(validated.path("validationResults")).isNotEmpty();
        assertThat(deleted.path("message").asText()).contains("removed");
        assertThat(stack.stores().targetAccounts().get(account)).isEmpty();
    }

    @Test
    void validateTargetAccount_shouldReportValid_whenTheHubAccountAnswers() {
        // GIVEN
        direct("add_target_account", Map.of("accountId", HUB, "accountName", "Hub"));
        // WHEN
        JsonNode validated = direct("validate_target_account", Map.of("id", HUB));
        // THEN
        assertThat(validated.path("valid").asBoolean()).as(validated.toString()).isTrue();
        assertThat(stack.stores().targetAccounts().require(HUB).status()).isEqualTo("active");
        direct("delete_target_account", Map.of("id", HUB));
    }

    @Test
    void importConfiguration_shouldReportWithoutWriting_whenDryRunAndCreateWhenReal() {
        // GIVEN
        Map<String, Object> exported = Map.of(
                "metadata", Map.of("schemaVersion", "1.0", "exportedAt", "2026-01-01T00:00:00Z"),
                "protectionGroups", List.of(Map.of("groupId", "old-1", "groupName", "Imported " + sequence,
                        "region", "us-east-1", "sourceServerIds", List.of(serverId(1)), "createdBy", "someone")),
                "recoveryPlans", List.of(Map.of("planId", "old-plan", "planName", "Imported plan " + sequence,
                        "waves", List.of(Map.of("waveName", "W1", "protectionGroupIds", List.of("old-1"))))));
        // WHEN
        JsonNode dry = direct("import_configuration", Map.of("config", exported, "dryRun", true));
        boolean absentAfterDryRun = stack.stores().protectionGroups().findByName("Imported " + sequence).isEmpty();
        JsonNode real = direct("import_configuration", Map.of("config", exported));
        JsonNode again = direct("import_configuration", Map.of("config", exported));
        // THEN
        assertThat(dry.path("created")).as(dry.toString()).hasSize(2);
        assertThat(absentAfterDryRun).isTrue();
        assertThat(real.path("success").asBoolean()).as(real.toString()).isTrue();
        assertThat(real.path("summary").path("recoveryPlans").path("created").asInt()).isEqualTo(1);
        assertThat(again.path("skipped")).hasSize(2);
    }

    @Test
    void importConfiguration_shouldRefuseTheWholeManifest_whenOneItemIsInvalid() {
        // GIVEN
        Map<String, Object> exported = Map.of(
                "metadata", Map.of("schemaVersion", "1.0", "exportedAt", "2026-01-01T00:00:00Z"),
                "protectionGroups", List.of(
                        Map.of("groupName", "Good " + sequence, "region", "us-east-1",
                                "sourceServerIds", List.of(serverId(1))),
                        Map.of("groupName", "Bad " + sequence, "region", "mars-1",
                                "sourceServerIds", List.of(serverId(2)))),
                "recoveryPlans", List.of());
        // WHEN
        JsonNode result = direct("import_configuration", Map.of("config", exported));
        // THEN
        assertThat(result.path("statusCode").asInt()).isEqualTo(400);
        assertThat(result.path("message").asText()).contains("config.protectionGroups[1].region");
        assertThat(stack.stores().protectionGroups().findByName("Good " + sequence)).isEmpty();
    }
}
