package dev.drsorchestrator.datamanagement.launch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.gateway.AccountIdentities;
import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.Ec2Gateway;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.gateway.LaunchConfigurationUpdate;
import dev.drsorchestrator.shared.gateway.LaunchTemplateChanges;
import dev.drsorchestrator.shared.groups.GroupMembers;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.OperationResult;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.launch.AppliedLaunchConfig;
import dev.drsorchestrator.shared.launch.LaunchConfigDrift;
import dev.drsorchestrator.shared.launch.LaunchConfigHash;
import dev.drsorchestrator.shared.model.EffectiveLaunchConfig;
import dev.drsorchestrator.shared.model.LaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.ServerLaunchConfig;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.store.AppliedLaunchConfigStore;
import dev.drsorchestrator.shared.store.BatchWriteResult;
import dev.drsorchestrator.shared.store.ProtectionGroupStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * apply_launch_configs: pushes each server's effective configuration (group defaults overlaid by its override) to
 * DRS (UpdateLaunchConfiguration) and to a new default version of its EC2 launch template, reporting per server.
 * The {@link LaunchConfigHash} of what was applied is recorded per server with when and by whom
 * ({@link AppliedLaunchConfigStore}, the source of drift detection), and the merged result is also kept as the
 * override's {@code effectiveConfig}. A server whose recorded hash equals the current one is skipped unless
 * {@code force} is set.
 */
public final class LaunchConfigApply {
    private static final Logger LOG = LoggerFactory.getLogger(LaunchConfigApply.class);
    private final ProtectionGroupStore groups;
    private final GroupMembers members;
    private final Gateways gateways;
    private final AccountIdentities accounts;
    private final AppliedLaunchConfigStore appliedStore;
    private final Clock clock;

    /** The operation over the group store, the applied-hash store and the DRS/EC2 gateways. */
    public LaunchConfigApply(ProtectionGroupStore groups, AppliedLaunchConfigStore appliedStore, GroupMembers members,
            Gateways gateways, AccountIdentities accounts, Clock clock) {
        this.groups = groups;
        this.appliedStore = appliedStore;
        this.members = members;
        this.gateways = gateways;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** The operations: the API route and the direct-only synchronous worker of the original. */
    public List<Operation> operations() {
        return List.of(Operation.of("apply_launch_configs", Permission.SERVERS_WRITE, this::apply,
                        Route.post("/protection-groups/{id}/apply-launch-configs")),
                Operation.of("sync_launch_configs", Permission.SERVERS_WRITE, request -> apply(request).body()));
    }

    OperationResult apply(OperationRequest request) {
        String groupId = request.parameter("id").or(() -> request.parameter("groupId"))
                .orElseThrow(() -> new dev.drsorchestrator.shared.error.ValidationException(
                        "Field 'groupId' is required"));
        RequestFields body = RequestFields.addressing(request, "groupId", groupId);
        boolean force = body.bool("force").orElse(false);
        ProtectionGroup group = groups.require(groupId);
        if (group.accountId() != null) {
            request.auditTargetAccount(group.accountId());
        }
        Instant start = clock.instant();
        AccountContext context = accounts.of(group.accountId(), group.assumeRoleName());
        DrsGateway drs = gateways.drs(context, group.region());
        Ec2Gateway ec2 = gateways.ec2(context, group.region());
        Map<String, ServerLaunchConfig> overrides = new LinkedHashMap<>();
        group.servers().forEach(s -> overrides.put(s.sourceServerId(), s));
        List<Map<String, Object>> results = new ArrayList<>();
        List<ServerLaunchConfig> applied = new ArrayList<>();
        List<AppliedLaunchConfig> hashes = new ArrayList<>();
        Set<String> serverIds = members.of(group);
        Map<String, AppliedLaunchConfig> lastApplied = appliedStore.forGroup(groupId, serverIds);
        String actor = RequestFields.actor(request);
        int failed = 0;
        for (String serverId : serverIds) {
            ServerLaunchConfig override = overrides.get(serverId);
            Map<String, Object> effective = EffectiveLaunchConfig.of(group.launchConfig(), override);
            String hash = LaunchConfigHash.sha256Hex(effective);
            AppliedLaunchConfig last = lastApplied.get(serverId);
            String previous = last == null ? null : last.configHash();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("serverId", serverId);
            result.put("configHash", hash);
            if (!force && LaunchConfigDrift.sameHash(hash, previous)) {
                result.put("status", "ready");
                result.put("message", "already applied");
                results.add(result);
                continue;
            }
            try {
                push(drs, ec2, serverId, effective, group.groupName());
                result.put("status", "ready");
                result.put("message", "applied");
                hashes.add(new AppliedLaunchConfig(groupId, serverId, hash, clock.instant().toString(), actor));
                LaunchConfig stored = Json.mapper().convertValue(effective, LaunchConfig.class);
                applied.add(override == null
                        ? new ServerLaunchConfig(serverId, null, null, null, true, null, stored)
                        : new ServerLaunchConfig(serverId, override.instanceId(), override.instanceName(),
                                override.tags(), override.useGroupDefaults(), override.launchTemplate(), stored));
            } catch (AwsCallFailure failure) {
                failed++;
                result.put("status", "failed");
                result.put("error", failure.errorCode() + ": " + failure.errorType().friendlyMessage());
            } catch (dev.drsorchestrator.shared.error.ClientErrorException failure) {
                failed++;
                result.put("status", "failed");
                result.put("error", failure.getMessage());
            }
            results.add(result);
        }
        List<String> warnings = new ArrayList<>(recordHashes(hashes, results));
        storeApplied(group, applied).ifPresent(warnings::add);
        Instant end = clock.instant();
        int total = results.size();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", total == 0 ? "not_configured" : failed == 0 ? "ready" : failed == total ? "failed"
                : "partial");
        out.put("startTime", start.getEpochSecond());
        out.put("completionTime", end.getEpochSecond());
        out.put("progressCount", total);
        out.put("totalCount", total);
        out.put("completedServers", total - failed);
        out.put("totalServers", total);
        out.put("percentage", total == 0 ? 100.0 : 100.0 * (total - failed) / total);
        out.put("servers", results);
        if (!warnings.isEmpty()) {
            out.put("warnings", warnings);
        }
        return OperationResult.accepted(out);
    }

    private void push(DrsGateway drs, Ec2Gateway ec2, String serverId, Map<String, Object> effective, String group) {
        JsonNode licensing = Json.mapper().valueToTree(effective.get("licensing"));
        Boolean byol = licensing != null && licensing.has("osByol") ? licensing.get("osByol").asBoolean() : null;
        drs.updateLaunchConfiguration(serverId, new LaunchConfigurationUpdate(null,
                (Boolean) effective.get("copyPrivateIp"), (Boolean) effective.get("copyTags"),
                (String) effective.get("launchDisposition"),
                (String) effective.get("targetInstanceTypeRightSizingMethod"), byol,
                (Boolean) effective.get("postLaunchEnabled")));
        String templateId = drs.getLaunchConfiguration(serverId).path("ec2LaunchTemplateID").asText(null);
        if (templateId == null) {
            throw new ConflictException("DRS reports no EC2 launch template for server " + serverId);
        }
        @SuppressWarnings("unchecked")
        List<String> securityGroups = (List<String>) effective.get("securityGroupIds");
        String latest = ec2.describeLaunchTemplateVersions(templateId, List.of("$Latest")).stream()
                .map(v -> v.path("versionNumber").asText(null)).filter(v -> v != null).findFirst()
                .orElseThrow(() -> new ConflictException("EC2 reports no version of launch template " + templateId));
        long version = ec2.createLaunchTemplateVersion(templateId, latest, new LaunchTemplateChanges(
                (String) effective.get("instanceType"), (String) effective.get("subnetId"), securityGroups,
                (String) effective.get("staticPrivateIp"), (String) effective.get("instanceProfileName"),
                "DRS Orchestrator: protection group " + group));
        ec2.modifyLaunchTemplate(templateId, Long.toString(version));
    }

    /** Records the applied hashes; a server whose record was not written is marked so, and named in a warning. */
    private List<String> recordHashes(List<AppliedLaunchConfig> hashes, List<Map<String, Object>> results) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        BatchWriteResult written = appliedStore.record(hashes);
        if (written.failureCount() == 0) {
            return List.of();
        }
        Set<String> unrecorded = new HashSet<>();
        hashes.stream().filter(h -> written.failedIds().contains(
                AppliedLaunchConfigStore.configId(h.groupId(), h.sourceServerId())))
                .forEach(h -> unrecorded.add(h.sourceServerId()));
        results.stream().filter(r -> unrecorded.contains(r.get("serverId"))).forEach(r -> r.put("recorded", false));
        LOG.warn("Applied launch configs of {} servers could not be recorded", unrecorded.size());
        return List.of("Applied to DRS, but the applied hash of " + unrecorded.size()
                + " server(s) could not be recorded; their drift status stays as before until the next apply");
    }

    private Optional<String> storeApplied(ProtectionGroup group, List<ServerLaunchConfig> applied) {
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        ProtectionGroup latest = groups.require(group.groupId());
        Map<String, ServerLaunchConfig> servers = new LinkedHashMap<>();
        latest.servers().forEach(s -> servers.put(s.sourceServerId(), s));
        applied.forEach(a -> servers.merge(a.sourceServerId(), a, (old, fresh) -> new ServerLaunchConfig(
                old.sourceServerId(), old.instanceId(), old.instanceName(), old.tags(), old.useGroupDefaults(),
                old.launchTemplate(), fresh.effectiveConfig())));
        ProtectionGroup next = new ProtectionGroup(latest.groupId(), latest.groupName(), latest.description(),
                latest.region(), latest.accountId(), latest.assumeRoleName(), latest.owner(),
                latest.serverSelectionTags(), latest.sourceServerIds(), latest.launchConfig(),
                List.copyOf(servers.values()), latest.createdDate(), latest.lastModifiedDate(), latest.createdBy(),
                latest.createdAt(), latest.updatedBy(), latest.updatedAt(), null);
        try {
            groups.update(next, latest.version());
            return Optional.empty();
        } catch (ConflictException raced) {
            LOG.warn("Group {} changed while launch configs were applied; effective configs not copied",
                    group.groupId());
            return Optional.of("Protection group '" + group.groupName() + "' changed while the configurations were "
                    + "applied, so the servers' effectiveConfig copies were not updated; the applied hashes were "
                    + "recorded and get_launch_config_status reports the drift");
        }
    }
}
