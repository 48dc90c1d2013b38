package dev.drsorchestrator.tests.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.sim.model.SourceServer;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.SourceServerQuery;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.shared.model.LaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.RecoveryInstance;
import dev.drsorchestrator.shared.model.RecoveryPlan;
import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.model.ServerExecution;
import dev.drsorchestrator.shared.model.ServerLaunchConfig;
import dev.drsorchestrator.shared.model.StagingAccount;
import dev.drsorchestrator.shared.model.TagSyncSettings;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.model.Wave;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.tests.support.TestStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Seeds every table query-handler reads, as data-management and execution would have written them, over the demo
 * scenario: a target account with a staging account, a protection group of three target servers in us-west-2, a
 * plan, a running drill with a real simulator job and a finished one, inventory, region status, tag-sync settings and
 * a cached recovery instance.
 */
final class QueryFixtures {
    static final String HUB = "111111111111";
    static final String TARGET = "222222222222";
    static final String STAGING = "333333333333";
    static final String REGION = "us-west-2";
    static final String ROLE = "DRSOrchestrationRole";

    final String groupId = UUID.randomUUID().toString();
    final String planId = UUID.randomUUID().toString();
    final String runningId = UUID.randomUUID().toString();
    final String finishedId = UUID.randomUUID().toString();
    final List<String> serverIds;
    final String jobId;

    QueryFixtures(TestStack stack) {
        serverIds = stack.sim().fleet().sourceServers(TARGET, REGION).stream().limit(3).map(SourceServer::id)
                .toList();
        Instant now = stack.sim().clock().now();
        StagingAccount staging = new StagingAccount(STAGING, "dr-staging", "arn:aws:iam::" + STAGING + ":role/" + ROLE,
                "drs-orchestrator-" + STAGING, now.toString(), "admin@example.com", "active", 0, 0);
        stack.stores().targetAccounts().create(new TargetAccount(TARGET, "dr-target", null, null, ROLE,
                "drs-orchestrator-" + TARGET, false, "active", now.toString(), null, List.of(staging),
                "admin@example.com", now, null, null, null));
        LaunchConfig defaults = new LaunchConfig(null, null, null, "m5.large", null, "NONE", null, null, true, true,
                "STARTED", null, null);
        LaunchConfig override = new LaunchConfig(null, null, null, "m5.xlarge", null, null, null, null, null, null,
                null, null, null);
        stack.stores().protectionGroups().create(new ProtectionGroup(groupId, "orders", "Orders tier", REGION,
                TARGET, null, "admin@example.com", null, serverIds, defaults,
                List.of(new ServerLaunchConfig(serverIds.get(0), null, "orders-db", null, false, override, null)),
                now.toEpochMilli(), now.toEpochMilli(), "admin@example.com", now, null, null, null));
        Wave wave = new Wave(1, "orders", null, null, null, null, false, List.of(groupId), groupId, null, null, null,
                null, null);
        stack.stores().recoveryPlans().create(new RecoveryPlan(planId, "orders-dr", "Orders recovery", List.of(wave),
                TARGET, null, null, null, null, null, null, null, now.toEpochMilli(), now.toEpochMilli(),
                "admin@example.com", now, null, null, null));

        DrsGateway drs = stack.gateways().drs(AccountContext.target(TARGET, ROLE, "drs-orchestrator-" + TARGET),
                REGION);
        jobId = drs.startRecovery(serverIds, true, Map.of("Wave", "1")).jobId();
        stack.sim().clock().advance(Duration.ofMinutes(2));
        stack.stores().executions().create(execution(runningId, "RUNNING", now, null));
        stack.stores().executions().create(execution(finishedId, "COMPLETED", now.minus(Duration.ofDays(1)),
                now.minus(Duration.ofHours(23))));

        List<InventoryServer> inventory = new ArrayList<>();
        for (JsonNode server : drs.describeSourceServers(SourceServerQuery.all())) {
            inventory.add(inventoryServer(server, TARGET, REGION, now));
        }
        stack.stores().inventory().writeAll(inventory);
        stack.stores().regionStatuses().put(new RegionStatus(TARGET, REGION, "ACTIVE", inventory.size(), null, null,
                null, now.toString()));
        stack.stores().regionStatuses().put(new RegionStatus(TARGET, "eu-west-1", "IAM_PERMISSION_DENIED", 0,
                "AccessDeniedException", "Missing DRS permissions in region", false, now.toString()));
        ObjectNode result = Json.mapper().createObjectNode().put("totalSynced", 3).put("totalFailed", 0)
                .put("source", "schedule");
        stack.stores().tagSyncConfig().save(new TagSyncSettings(null, true, 4, now.toString(), "completed", result,
                "admin@example.com", now, null), Optional.empty());
        stack.stores().recoveryInstances().put(new RecoveryInstance("i-0123456789abcdef0", serverIds.get(1), TARGET,
                REGION, TARGET + "#" + REGION, "i-0fedcba9876543210", "running", "m5.large", "10.0.0.12", jobId,
                finishedId, true, now.toString(), now.toString(), Map.<String, String>of(), now.toString()));
    }

    private Execution execution(String id, String status, Instant start, Instant end) {
        List<ServerExecution> servers = serverIds.stream().map(s -> new ServerExecution(s, null, null, REGION, null,
                TARGET, null, null, "IN_PROGRESS", "PENDING", jobId, null, null, null, null, start.toString(), null,
                null, null)).toList();
        WaveExecution wave = new WaveExecution(1, "orders", end == null ? "IN_PROGRESS" : "COMPLETED", null,
                start.toString(), end == null ? null : end.toString(), jobId, List.of(jobId), serverIds, servers,
                serverIds.size(), end == null ? 0 : serverIds.size(), 0, end == null ? 0 : 100, 1L, null);
        return new Execution(id, planId, "orders-dr", "DRILL", status, start.toString(),
                end == null ? null : end.toString(), 1, 1, List.of(wave), serverIds, "operator@example.com", TARGET,
                null, null, null, null, null, null);
    }

    static InventoryServer inventoryServer(JsonNode server, String account, String region, Instant now) {
        ObjectNode node = ((ObjectNode) server).deepCopy();
        node.put("sourceServerId", server.path("sourceServerID").asText());
        node.put("accountId", account);
        node.put("region", region);
        node.put("accountRegion", account + "#" + region);
        node.put("lastSyncedAt", now.toString());
        return Json.mapper().convertValue(node, InventoryServer.class);
    }
}
