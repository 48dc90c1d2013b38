package dev.drsorchestrator.tests.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.datamanagement.sync.SyncOperations;
import dev.drsorchestrator.local.sim.FaultRule;
import dev.drsorchestrator.local.sim.scenario.GeneratorOptions;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.local.sim.scenario.ScenarioGenerator;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.handler.HandlerPipeline;
import dev.drsorchestrator.shared.handler.OperationTable;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.RecoveryInstance;
import dev.drsorchestrator.shared.model.StagingAccount;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.tests.support.ApiEvents;
import dev.drsorchestrator.tests.support.DirectEvents;
import dev.drsorchestrator.tests.support.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Staging-account and recovery-instance sync through the handler pipeline's direct operations (EventBridge-style
 * events), against the simulator and DynamoDB Local.
 */
class StagingAndRecoverySyncIT {
    private static final String TARGET = ScenarioGenerator.accountId(1);
    private static final String STAGING = ScenarioGenerator.accountId(2);
    private static final String RULE = "arn:aws:events:us-east-1:111111111111:rule/drs-sync";

    private static Scenario scenario() {
        return ScenarioGenerator.generate(new GeneratorOptions("staging", 99, 3, 2, 6,
                GeneratorOptions.Placement.UNIFORM, null, null));
    }

    private static JsonNode invoke(TestStack stack, HandlerPipeline pipeline, String operation) throws Exception {
        byte[] out = pipeline.handle(DirectEvents.invokedBy(DirectEvents.body(operation, Map.of()), RULE)
                .getBytes(StandardCharsets.UTF_8), "it-" + operation + "-" + System.nanoTime());
        return Json.mapper().readTree(out);
    }

    private static JsonNode syncTargetNow(HandlerPipeline pipeline, String targetId, String groups) throws Exception {
        String event = ApiEvents.request("POST", "/accounts/targets/{id}/staging-accounts/sync",
                "/accounts/targets/" + targetId + "/staging-accounts/sync").pathParameters(Map.of("id", targetId))
                .user("admin@example.com", groups).json();
        return Json.mapper().readTree(pipeline.handle(event.getBytes(StandardCharsets.UTF_8),
                "it-sync-now-" + System.nanoTime()));
    }

    private static HandlerPipeline pipeline(TestStack stack) {
        return new HandlerPipeline(new OperationTable(SyncOperations.operations(stack.core())), stack.core());
    }

    private static void registerTargetWithStaging(TestStack stack) {
        stack.stores().targetAccounts().create(new TargetAccount(TARGET, "workload",
                "arn:aws:iam::" + TARGET + ":role/" + ScenarioGenerator.ORCHESTRATION_ROLE, null, null,
                ScenarioGenerator.externalId(TARGET), false, "ACTIVE", null, null,
                List.of(new StagingAccount(STAGING, "staging", null, null, null, null, null, null, null)), "it", null,
                null, null, null));
    }

    @Test
    void stagingSync_shouldExtendEveryServerOnceAndStayIdempotent_whenRunTwice() throws Exception {
        // GIVEN a target account with one staging account holding 6 servers in 2 regions
        try (TestStack stack = TestStack.start(scenario())) {
            registerTargetWithStaging(stack);
            HandlerPipeline pipeline = pipeline(stack);
            // WHEN the sync runs twice (the second time under its alias)
            JsonNode first = invoke(stack, pipeline, "handle_sync_staging_accounts");
            JsonNode second = invoke(stack, pipeline, "sync_staging_accounts");
            // THEN the first run extends all 6, the second finds nothing left to extend
            assertThat(first.get("targetAccountsProcessed").asInt()).isEqualTo(1);
            assertThat(first.get("added").asInt()).isEqualTo(6);
            assertThat(first.get("failed").asInt()).isZero();
            assertThat(first.get("servers")).allSatisfy(s -> {
                assertThat(s.get("status").asText()).isEqualTo("EXTENDED");
                assertThat(s.get("sourceServerId").asText()).startsWith("s-");
            });
            assertThat(second.get("added").asInt()).isZero();
            assertThat(second.get("servers")).isEmpty();
            int extended = 0;
            for (String region : List.of("us-east-1", "us-west-2")) {
                extended += (int) stack.sim().fleet().sourceServers(TARGET, region).stream()
                        .filter(s -> s.staging() != null).count();
            }
            assertThat(extended).isEqualTo(6);
        }
    }

    @Test
    void stagingSync_shouldReportRefusalPerServer_whenDrsRejectsDefaultEbsKey() throws Exception {
        // GIVEN DRS refusing extensions in one region (servers encrypted with the default EBS key)
        try (TestStack stack = TestStack.start(scenario())) {
            registerTargetWithStaging(stack);
            stack.sim().faults().inject(new FaultRule(null, TARGET, "us-west-2", "drs", "CreateExtendedSourceServer",
                    "ValidationException", "Source server uses the default EBS encryption key, which cannot be"
                            + " shared across accounts", null, null, 0, 0, false, null));
            // WHEN
            JsonNode report = invoke(stack, pipeline(stack), "handle_sync_staging_accounts");
            // THEN the other region's servers are extended and each refused server carries DRS's reason
            assertThat(report.get("added").asInt()).isEqualTo(3);
            assertThat(report.get("failed").asInt()).isEqualTo(3);
            for (JsonNode server : report.get("servers")) {
                if ("us-west-2".equals(server.get("region").asText())) {
                    assertThat(server.get("status").asText()).isEqualTo("FAILED");
                    assertThat(server.get("reason").asText()).startsWith("ValidationException")
                            .contains("default EBS encryption key");
                } else {
                    assertThat(server.get("status").asText()).isEqualTo("EXTENDED");
                }
            }
        }
    }

    @Test
    void recoveryInstanceSync_shouldCacheInstancesAndRemoveTerminated_whenDrillLaunched() throws Exception {
        // GIVEN a drill that launched recovery instances for two servers of the target account
        try (TestStack stack = TestStack.start(scenario())) {
            registerTargetWithStaging(stack);
            AccountContext target = AccountContext.target(TARGET, ScenarioGenerator.ORCHESTRATION_ROLE,
                    ScenarioGenerator.externalId(TARGET));
            List<String> servers = stack.sim().fleet().sourceServers(TARGET, "us-east-1").stream()
                    .map(s -> s.id()).limit(2).toList();
            stack.gateways().drs(target, "us-east-1").startRecovery(servers, true, Map.of());
            stack.sim().clock().advance(Duration.ofHours(2));
            stack.stores().recoveryInstances().put(new RecoveryInstance("i-0000000000000dead", servers.get(0), TARGET,
                    "us-east-1", TARGET + "#us-east-1", "i-0000000000000dead", "TERMINATED", null, null, null, null,
                    true, null, null, Map.of(), "2026-01-01T00:00:00Z"));
            // WHEN
            JsonNode report = invoke(stack, pipeline(stack), "sync_recovery_instances");
            // THEN both instances are cached with their EC2 facts and the one DRS no longer knows is gone
            assertThat(report.get("instancesSynced").asInt()).isEqualTo(2);
            assertThat(report.get("staleRemoved").asInt()).isEqualTo(1);
            assertThat(report.get("failures")).isEmpty();
            assertThat(stack.stores().recoveryInstances().get("i-0000000000000dead")).isEmpty();
            for (String server : servers) {
                List<RecoveryInstance> cached = stack.stores().recoveryInstances().listBySourceServer(server);
                assertThat(cached).hasSize(1);
                assertThat(cached.get(0).isDrill()).isTrue();
                assertThat(cached.get(0).instanceType()).isNotBlank();
                assertThat(cached.get(0).accountRegion()).isEqualTo(TARGET + "#us-east-1");
            }
        }
    }

    @Test
    void syncExtendedSourceServers_shouldExtendOneTargetsServers_whenAdminCallsRoute() throws Exception {
        // GIVEN a target account with one staging account holding 6 servers
        try (TestStack stack = TestStack.start(scenario())) {
            registerTargetWithStaging(stack);
            HandlerPipeline pipeline = pipeline(stack);
            // WHEN an Admin asks for the staging sync of that target now
            JsonNode response = syncTargetNow(pipeline, TARGET, "Admin");
            // THEN 200 with the StagingSyncResult shape and one result per server
            assertThat(response.get("statusCode").asInt()).isEqualTo(200);
            JsonNode body = Json.mapper().readTree(response.get("body").asText());
            assertThat(body.get("success").asBoolean()).isTrue();
            assertThat(body.get("targetAccountId").asText()).isEqualTo(TARGET);
            assertThat(body.get("stagingAccounts")).hasSize(1);
            assertThat(body.get("changes").get("added")).hasSize(6);
            assertThat(body.get("changes").get("removed")).isEmpty();
            assertThat(body.get("added").asInt()).isEqualTo(6);
            assertThat(body.get("servers")).hasSize(6).allSatisfy(s -> {
                assertThat(s.get("stagingAccountId").asText()).isEqualTo(STAGING);
                assertThat(s.get("status").asText()).isEqualTo("EXTENDED");
            });
            assertThat(body.get("failures")).isEmpty();
        }
    }

    @Test
    void syncExtendedSourceServers_shouldAnswer404_whenTargetAccountUnknown() throws Exception {
        // GIVEN no registered account
        try (TestStack stack = TestStack.start(scenario())) {
            // WHEN
            JsonNode response = syncTargetNow(pipeline(stack), "999999999999", "Admin");
            // THEN 404 with a message naming nothing internal
            assertThat(response.get("statusCode").asInt()).isEqualTo(404);
            assertThat(Json.mapper().readTree(response.get("body").asText()).get("message").asText())
                    .contains("999999999999");
        }
    }

    @Test
    void syncExtendedSourceServers_shouldAnswer200WithZeroResults_whenTargetHasNoStagingAccounts() throws Exception {
        // GIVEN a target account without staging accounts
        try (TestStack stack = TestStack.start(scenario())) {
            stack.stores().targetAccounts().create(new TargetAccount(TARGET, "workload",
                    "arn:aws:iam::" + TARGET + ":role/" + ScenarioGenerator.ORCHESTRATION_ROLE, null, null,
                    ScenarioGenerator.externalId(TARGET), false, "ACTIVE", null, null, List.of(), "it", null, null,
                    null, null));
            // WHEN
            JsonNode response = syncTargetNow(pipeline(stack), TARGET, "Admin");
            // THEN 200, nothing added, nothing failed
            assertThat(response.get("statusCode").asInt()).isEqualTo(200);
            JsonNode body = Json.mapper().readTree(response.get("body").asText());
            assertThat(body.get("added").asInt()).isZero();
            assertThat(body.get("servers")).isEmpty();
            assertThat(body.get("failures")).isEmpty();
            assertThat(body.get("message").asText()).contains("no staging accounts");
        }
    }

    @Test
    void syncExtendedSourceServers_shouldReportAccountFailure_whenTargetRoleCannotBeAssumed() throws Exception {
        // GIVEN STS refusing the target account's role
        try (TestStack stack = TestStack.start(scenario())) {
            registerTargetWithStaging(stack);
            stack.sim().faults().failAssumeRole(TARGET);
            // WHEN
            JsonNode response = syncTargetNow(pipeline(stack), TARGET, "Admin");
            // THEN 200 with one failure naming the account, and nothing extended
            assertThat(response.get("statusCode").asInt()).isEqualTo(200);
            JsonNode body = Json.mapper().readTree(response.get("body").asText());
            assertThat(body.get("success").asBoolean()).isFalse();
            assertThat(body.get("added").asInt()).isZero();
            assertThat(body.get("failures")).singleElement().satisfies(f -> {
                assertThat(f.get("targetAccountId").asText()).isEqualTo(TARGET);
                assertThat(f.get("errorType").asText()).isEqualTo("AccessDeniedException");
            });
        }
    }

    @Test
    void syncExtendedSourceServers_shouldAnswer403_whenCallerLacksAccountsWrite() throws Exception {
        // GIVEN an Operator (accounts:read only)
        try (TestStack stack = TestStack.start(scenario())) {
            registerTargetWithStaging(stack);
            // WHEN
            JsonNode response = syncTargetNow(pipeline(stack), TARGET, "Operator");
            // THEN 403 naming the permission, and nothing was extended
            assertThat(response.get("statusCode").asInt()).isEqualTo(403);
            assertThat(Json.mapper().readTree(response.get("body").asText()).get("message").asText())
                    .contains("accounts:write");
            assertThat(stack.sim().fleet().sourceServers(TARGET, "us-east-1"))
                    .noneMatch(s -> s.staging() != null);
        }
    }

    @Test
    void recoveryInstanceSyncStatus_shouldReportLastSync_whenSyncHasRun() throws Exception {
        // GIVEN a registered target account and no sync yet
        try (TestStack stack = TestStack.start(scenario())) {
            registerTargetWithStaging(stack);
            HandlerPipeline pipeline = pipeline(stack);
            JsonNode before = invoke(stack, pipeline, "get_recovery_instance_sync_status");
            // WHEN the scheduled sync runs, then the status is asked for
            JsonNode report = invoke(stack, pipeline, "sync_recovery_instances");
            JsonNode after = invoke(stack, pipeline, "get_recovery_instance_sync_status");
            // THEN the status changes from never run to the sync's outcome
            assertThat(before.get("status").asText()).isEqualTo("NEVER_RUN");
            assertThat(before.get("lastSync").isNull()).isTrue();
            assertThat(after.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(after.get("instancesSynced").asInt()).isEqualTo(report.get("instancesSynced").asInt());
            assertThat(after.get("lastSync").asText()).isNotBlank();
        }
    }
}
