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
}
