package dev.drsorchestrator.query.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.Views;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.launch.LaunchConfigHash;
import dev.drsorchestrator.shared.launch.LaunchConfigMerge;
import dev.drsorchestrator.shared.model.LaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.ServerLaunchConfig;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Launch-configuration reads of a protection group: the effective configuration of one server (group defaults merged
 * with its overrides) and the drift status of the whole group, comparing the DRS-level settings each server should
 * have (as a {@link LaunchConfigHash}) with what DRS reports now.
 */
final class LaunchConfigQueries {
    /** The settings DRS itself holds per server; the rest lives in the EC2 launch template. */
    static final List<String> DRS_FIELDS = List.of("copyPrivateIp", "copyTags", "launchDisposition",
            "targetInstanceTypeRightSizingMethod", "postLaunchEnabled");

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
        view.set("effectiveConfig", Json.mapper().valueToTree(effective(group, stored)));
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
        AccountContext account = context.targets().ofOwner(request, group.accountId(), group.assumeRoleName());
        DrsGateway drs = context.gateways().drs(account, group.region());
        List<ObjectNode> servers = new ArrayList<>();
        int ready = 0;
        int failed = 0;
        for (String id : ids) {
            ObjectNode server = serverStatus(drs, group, id);
            String status = server.get("status").asText();
            ready += "ready".equals(status) ? 1 : 0;
            failed += "failed".equals(status) ? 1 : 0;
            servers.add(server);
        }
        String overall = ready == ids.size() ? "ready" : failed == ids.size() ? "failed" : failed > 0 ? "partial"
                : "drifted";
        out.put("status", overall);
        out.put("totalServers", ids.size());
        out.put("completedServers", ready);
        out.put("percentage", Math.round(ready * 10000.0 / ids.size()) / 100.0);
        out.put("serverConfigs", servers);
        return out;
    }

    private ObjectNode serverStatus(DrsGateway drs, ProtectionGroup group, String serverId) {
        Map<String, Object> expected = drsFields(effective(group, overrideOf(group, serverId)));
        ObjectNode view = Views.object();
        view.put("sourceServerId", serverId);
        view.put("configHash", LaunchConfigHash.sha256Hex(expected));
        try {
            JsonNode live = drs.getLaunchConfiguration(serverId);
            Map<String, Object> actual = new TreeMap<>();
            for (String field : expected.keySet()) {
                JsonNode value = live.get(field);
                if (value != null && !value.isNull()) {
                    actual.put(field, Json.mapper().convertValue(value, Object.class));
                }
            }
            boolean inSync = LaunchConfigHash.sha256Hex(actual).equals(LaunchConfigHash.sha256Hex(expected));
            view.put("status", inSync ? "ready" : "pending");
            if (!inSync) {
                view.put("error", "DRS launch settings differ from the group's configuration");
            }
        } catch (AwsCallFailure failure) {
            view.put("status", "failed");
            view.put("error", failure.getMessage());
        }
        return view;
    }

    private static ServerLaunchConfig overrideOf(ProtectionGroup group, String serverId) {
        if (group.servers() == null) {
            return null;
        }
        return group.servers().stream().filter(s -> serverId.equals(s.sourceServerId())).findFirst().orElse(null);
    }

    static Map<String, Object> effective(ProtectionGroup group, ServerLaunchConfig server) {
        Map<String, Object> defaults = asMap(group.launchConfig());
        Map<String, Object> overrides = server == null || server.launchTemplate() == null ? null
                : asMap(server.launchTemplate());
        return LaunchConfigMerge.merge(defaults, overrides);
    }

    private static Map<String, Object> drsFields(Map<String, Object> effective) {
        Map<String, Object> out = new TreeMap<>();
        for (String field : DRS_FIELDS) {
            if (effective.get(field) != null) {
                out.put(field, effective.get(field));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(LaunchConfig config) {
        return config == null ? null : Json.mapper().convertValue(Views.of(config), Map.class);
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
