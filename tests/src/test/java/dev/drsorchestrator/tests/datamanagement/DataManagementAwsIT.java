package dev.drsorchestrator.tests.datamanagement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.datamanagement.DataManagementHandler;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.local.sim.scenario.GeneratorOptions;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.tests.support.DirectEvents;
import dev.drsorchestrator.tests.support.Invoke;
import dev.drsorchestrator.tests.support.TestStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Operations that call DRS/EC2 in the simulator, and racing writers on one group. */
class DataManagementAwsIT {
    private static final String HUB = DataManagementIT.HUB;
    private static TestStack stack;
    private static DataManagementHandler handler;

    @BeforeAll
    static void start() {
        stack = TestStack.start(ScenarioGenerator.generate(GeneratorOptions.of(11, 1, 1, 12)),
                Map.of("AWS_ACCOUNT_ID", HUB));
        handler = new DataManagementHandler(stack.core());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static JsonNode direct(String operation, Object body) {
        return Invoke.handler(handler, DirectEvents.body(operation, body));
    }

    private static List<SourceServer> fleet() {
        return stack.sim().fleet().sourceServers(HUB, TestStack.REGION);
    }

    @Test
    void updateProtectionGroup_shouldLetExactlyOneOfTwentyRacersWin_whenAllSendTheSameVersion() throws Exception {
        // GIVEN
        String groupId = direct("create_protection_group", Map.of("groupName", "Race group", "region", "us-east-1",
                "sourceServerIds", List.of("s-00000000000fff001"))).path("groupId").asText();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<JsonNode>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                String description = "writer " + i;
                Callable<JsonNode> racer = () -> {
                    go.await();
                    return direct("update_protection_group", Map.of("groupId", groupId, "description", description,
                            "version", 1));
                };
                futures.add(pool.submit(racer));
            }
            // WHEN
            go.countDown();
            List<JsonNode> results = new ArrayList<>();
            for (Future<JsonNode> future : futures) {
                results.add(future.get());
            }
            // THEN
            List<JsonNode> winners = results.stream().filter(r -> r.path("version").asLong() == 2).toList();
            long conflicts = results.stream().filter(r -> r.path("statusCode").asInt() == 409).count();
            assertThat(winners).hasSize(1);
            assertThat(conflicts).isEqualTo(19);
            ProtectionGroup stored = stack.stores().protectionGroups().require(groupId);
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.description()).isEqualTo(winners.get(0).path("description").asText());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void applyLaunchConfigs_shouldPushEachServerAndStoreWhatWasApplied_thenSkipUnchanged() {
        // GIVEN
        List<String> ids = fleet().stream().limit(2).map(SourceServer::id).toList();
        String groupId = direct("create_protection_group", Map.of("groupName", "Apply group", "region", "us-east-1",
                "sourceServerIds", ids, "launchConfig", Map.of("instanceType", "m5.large", "copyTags", true,
                        "launchDisposition", "STOPPED"))).path("groupId").asText();
        // WHEN
        JsonNode first = direct("apply_launch_configs", Map.of("groupId", groupId));
        JsonNode second = direct("apply_launch_configs", Map.of("groupId", groupId));
        // THEN
        assertThat(first.path("status").asText()).as(first.toString()).isEqualTo("ready");
        assertThat(first.path("servers")).hasSize(2);
        assertThat(first.path("servers").get(0).path("configHash").asText()).hasSize(64);
        assertThat(stack.stores().protectionGroups().require(groupId).servers())
                .allSatisfy(s -> assertThat(s.effectiveConfig().instanceType()).isEqualTo("m5.large"));
        assertThat(second.path("servers").get(0).path("message").asText()).isEqualTo("already applied");
    }

    @Test
    void handleDrsTagSync_shouldReportEveryServerOfTheHubRegion_withoutFailures() {
        // WHEN
        JsonNode result = direct("handle_drs_tag_sync", Map.of("region", "us-east-1"));
        // THEN
        assertThat(result.path("status").asText()).as(result.toString()).isEqualTo("STARTED");
        assertThat(result.path("totalServers").asInt()).isEqualTo(fleet().size());
        assertThat(result.path("failedCount").asInt()).isZero();
    }

    @Test
    void updateTagSyncSettings_shouldStoreNothing_whenTheRuleCannotBeApplied() {
        // GIVEN the simulator does not serve EventBridge, so PutRule fails
        // WHEN
        Throwable failure = null;
        JsonNode result = null;
        try {
            result = direct("update_tag_sync_settings", Map.of("enabled", true, "intervalHours", 2));
        } catch (RuntimeException e) {
            failure = e;
        }
        // THEN
        assertThat(failure != null || result.path("statusCode").asInt() >= 400).isTrue();
        assertThat(stack.stores().tagSyncConfig().get()).isEmpty();
    }

    @Test
    void syncLaunchConfigs_shouldAnswerTheLaunchConfigStatus_whenInvokedDirectly() {
        // GIVEN
        List<String> ids = fleet().stream().skip(4).limit(1).map(SourceServer::id).toList();
        String groupId = direct("create_protection_group", Map.of("groupName", "Sync group", "region", "us-east-1",
                "sourceServerIds", ids, "launchConfig", Map.of("copyPrivateIp", true))).path("groupId").asText();
        // WHEN
        JsonNode status = direct("sync_launch_configs", Map.of("groupId", groupId, "force", true));
        // THEN
        assertThat(status.path("status").asText()).as(status.toString()).isEqualTo("ready");
        assertThat(status.path("totalServers").asInt()).isEqualTo(1);
    }

    @Test
    void validateStagingAccount_shouldReportTheRoleFailure_whenTheAccountIsUnknown() {
        // WHEN
        JsonNode result = direct("validate_staging_account", Map.of("accountId", "222233334444",
                "roleArn", "arn:aws:iam::222233334444:role/DRSOrchestrationRole", "region", "us-east-1"));
        JsonNode mismatch = direct("validate_staging_account", Map.of("accountId", "222233334444",
                "roleArn", "arn:aws:iam::999999999999:role/R", "region", "us-east-1"));
        // THEN
        assertThat(result.path("valid").asBoolean()).as(result.toString()).isFalse();
        assertThat(result.path("roleAccessible").asBoolean()).isFalse();
        assertThat(result.path("details").path("roleErrorCode").asText()).isNotBlank();
        assertThat(mismatch.path("statusCode").asInt()).isEqualTo(400);
    }
}
