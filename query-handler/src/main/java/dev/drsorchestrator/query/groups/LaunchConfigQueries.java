package dev.drsorchestrator.query.groups;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.Views;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.launch.AppliedLaunchConfig;
import dev.drsorchestrator.shared.launch.LaunchConfigDrift;
import dev.drsorchestrator.shared.model.EffectiveLaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.ServerLaunchConfig;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Launch-configuration reads of a protection group: the effective configuration of one server (group defaults merged
 * with its overrides) and the drift status of the whole group: per server, the {@link LaunchConfigDrift} of the hash
 * apply_launch_configs recorded against the hash of the configuration the group holds now (in sync, drifted, never
 * applied). Pure DynamoDB reads: the group item and one BatchGetItem of the applied records.
 */
final class LaunchConfigQueries {
    private final QueryContext context;

    LaunchConfigQueries(QueryContext context) {
        this.context = context;
    }

    Object serverConfig(OperationRequest request) {
        ProtectionGroup group = context.stores().protectionGroups().require(Params.uuid(request, "id"));
        String serverId = Validators.serverId("serverId", request.pathParameter("serverId"));
        if (group.sourceServerIds() == null || !group.sourceServerIds().contains(serverId)) {
            throw new NotFoundException("Server " + serverId + " is not in protection group " + group.groupId());
        }
        ServerLaunchConfig stored = overrideOf(group, serverId);
        ObjectNode view = Views.object();
        view.put("sourceServerId", serverId);
        view.put("useGroupDefaults", stored == null || !Boolean.FALSE.equals(stored.useGroupDefaults()));
        if (stored != null) {
            putIfPresent(view, "instanceId", stored.instanceId());
            putIfPresent(view, "instanceName", stored.instanceName());
            if (stored.tags() != null) {
                view.set("tags", Json.mapper().valueToTree(stored.tags()));
            }
            if (stored.launchTemplate() != null) {
                view.set("launchTemplate", Views.of(stored.launchTemplate()));
            }
        }
        view.set("effectiveConfig", Json.mapper().valueToTree(EffectiveLaunchConfig.of(group.launchConfig(), stored)));
        return view;
    }

    Object status(OperationRequest request) {
        ProtectionGroup group = context.stores().protectionGroups().require(Params.uuid(request, "id"));
        List<String> ids = group.sourceServerIds() == null ? List.of() : group.sourceServerIds();
        Map<String, Object> out = new LinkedHashMap<>();
        if (ids.isEmpty() || group.region() == null || (group.launchConfig() == null && group.servers() == null)) {
            out.put("status", "not_configured");
            out.put("totalServers", ids.size());
            out.put("completedServers", 0);
            out.put("serverConfigs", List.of());
            return out;
        }
        Map<String, LaunchConfigDrift.ServerDrift> drift = context.stores().appliedLaunchConfigs().drift(group, ids);
        List<ObjectNode> servers = new ArrayList<>();
        Map<LaunchConfigDrift.State, Integer> counts = new EnumMap<>(LaunchConfigDrift.State.class);
        String lastApplied = null;
        String appliedBy = null;
        for (LaunchConfigDrift.ServerDrift server : drift.values()) {
            counts.merge(server.state(), 1, Integer::sum);
            servers.add(serverStatus(server));
            AppliedLaunchConfig last = server.applied();
            if (last != null && last.appliedAt() != null
                    && (lastApplied == null || last.appliedAt().compareTo(lastApplied) > 0)) {
                lastApplied = last.appliedAt();
                appliedBy = last.appliedBy();
            }
        }
        int inSync = counts.getOrDefault(LaunchConfigDrift.State.IN_SYNC, 0);
        int neverApplied = counts.getOrDefault(LaunchConfigDrift.State.NEVER_APPLIED, 0);
        out.put("status", inSync == ids.size() ? "ready" : neverApplied == ids.size() ? "pending" : "drifted");
        out.put("totalServers", ids.size());
        out.put("completedServers", inSync);
        out.put("percentage", Math.round(inSync * 10000.0 / ids.size()) / 100.0);
        out.put("inSyncCount", inSync);
        out.put("driftedCount", counts.getOrDefault(LaunchConfigDrift.State.DRIFTED, 0));
        out.put("neverAppliedCount", neverApplied);
        if (lastApplied != null) {
            out.put("lastApplied", lastApplied);
            out.put("appliedBy", appliedBy);
        }
        out.put("serverConfigs", servers);
        return out;
    }

    /** One server: {@code status} in the original's terms (ready or pending) and {@code drift} in ours. */
    private static ObjectNode serverStatus(LaunchConfigDrift.ServerDrift server) {
        ObjectNode view = Views.object();
        view.put("sourceServerId", server.sourceServerId());
        view.put("status", server.state() == LaunchConfigDrift.State.IN_SYNC ? "ready" : "pending");
        view.put("drift", server.state().wireName());
        view.put("configHash", server.currentHash());
        AppliedLaunchConfig last = server.applied();
        if (last != null) {
            putIfPresent(view, "appliedConfigHash", last.configHash());
            putIfPresent(view, "lastApplied", last.appliedAt());
            putIfPresent(view, "appliedBy", last.appliedBy());
            lastSyncTime(last.appliedAt()).ifPresent(t -> view.put("lastSyncTime", t));
        }
        if (server.state() == LaunchConfigDrift.State.DRIFTED) {
            view.put("error", "The group's launch configuration changed since it was last applied");
        }
        return view;
    }

    private static Optional<Long> lastSyncTime(String appliedAt) {
        try {
            return appliedAt == null ? Optional.empty() : Optional.of(Instant.parse(appliedAt).getEpochSecond());
        } catch (DateTimeParseException notIso) {
            return Optional.empty();
        }
    }

    private static ServerLaunchConfig overrideOf(ProtectionGroup group, String serverId) {
        if (group.servers() == null) {
            return null;
        }
        return group.servers().stream().filter(s -> serverId.equals(s.sourceServerId())).findFirst().orElse(null);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
