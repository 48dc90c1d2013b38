package dev.drsorchestrator.datamanagement.launch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.error.ClientErrorException;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.groups.GroupMembers;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.launch.Ipv4Cidr;
import dev.drsorchestrator.shared.launch.StaticIpRules;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.ServerLaunchConfig;
import dev.drsorchestrator.shared.rules.Violation;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.store.ProtectionGroupStore;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Per-server launch overrides inside a protection group: set one, remove one, set many at once, and check a static
 * IP before saving it. Every change is a versioned update of the group, so two editors never overwrite each other.
 */
public final class ServerLaunchConfigOperations {
    private final ProtectionGroupStore groups;
    private final GroupMembers members;
    private final StaticIpCheck staticIps;
    private final SubnetCidrs cidrs;
    private final Clock clock;

    /** The operations over the group store. */
    public ServerLaunchConfigOperations(ProtectionGroupStore groups, GroupMembers members, StaticIpCheck staticIps,
            SubnetCidrs cidrs, Clock clock) {
        this.groups = groups;
        this.members = members;
        this.staticIps = staticIps;
        this.cidrs = cidrs;
        this.clock = clock;
    }

    /** The operations with their wire names, permissions and routes. */
    public List<Operation> operations() {
        String server = "/protection-groups/{id}/servers/{serverId}";
        return List.of(
                Operation.of("update_server_launch_config", Permission.SERVERS_WRITE, this::update,
                        Route.put(server + "/launch-config")),
                Operation.of("delete_server_launch_config", Permission.SERVERS_WRITE, this::delete,
                        Route.delete(server + "/launch-config")),
                Operation.of("bulk_update_server_configs", Permission.SERVERS_WRITE, this::bulk,
                        Route.post("/protection-groups/{id}/servers/bulk-launch-config")),
                Operation.of("validate_static_ip", Permission.SERVERS_READ, this::validateIp,
                        Route.post(server + "/validate-ip")));
    }

    Map<String, Object> update(OperationRequest request) {
        ProtectionGroup group = groups.require(groupId(request));
        String serverId = Validators.serverId("serverId", request.parameter("serverId").orElse(null));
        RequestFields body = RequestFields.addressing(request, "groupId", group.groupId());
        long expected = body.version().orElse(group.version());
        requireMember(group, serverId);
        ServerLaunchConfig override = ServerOverrideInput.readOne("body", serverId, body);
        staticIps.require(group, override, "launchTemplate.staticPrivateIp");
        ProtectionGroup stored = groups.update(withServers(group, replace(group.servers(), override), request),
                expected);
        return response(override, stored, "Launch configuration of " + serverId + " saved");
    }

    Map<String, Object> delete(OperationRequest request) {
        ProtectionGroup group = groups.require(groupId(request));
        String serverId = Validators.serverId("serverId", request.parameter("serverId").orElse(null));
        List<ServerLaunchConfig> remaining = new ArrayList<>(group.servers());
        if (!remaining.removeIf(s -> s.sourceServerId().equals(serverId))) {
            throw new NotFoundException("Server " + serverId + " has no launch override in protection group "
                    + group.groupName());
        }
        long expected = dev.drsorchestrator.datamanagement.input.ExpectedVersion.resolve(request, group.version());
        ProtectionGroup stored = groups.update(withServers(group, remaining, request), expected);
        ServerLaunchConfig defaults = new ServerLaunchConfig(serverId, null, null, null, true, null, null);
        return response(defaults, stored, "Launch override of " + serverId + " removed; group defaults apply");
    }

    Map<String, Object> bulk(OperationRequest request) {
        ProtectionGroup group = groups.require(groupId(request));
        RequestFields body = RequestFields.addressing(request, "groupId", group.groupId());
        long expected = body.version().orElse(group.version());
        List<JsonNode> items = body.array("servers", ServerOverrideInput.MAX_SERVERS)
                .orElseThrow(() -> new ValidationException("Field 'servers' is required"));
        if (items.isEmpty()) {
            throw new ValidationException("Field 'servers' must hold at least one server");
        }
        Set<String> groupMembers = members.of(group);
        List<ServerLaunchConfig> servers = new ArrayList<>(group.servers());
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "servers[" + i + "]";
            RequestFields fields = RequestFields.nested(path, items.get(i));
            String serverId = fields.string("serverId").or(() -> fields.string("sourceServerId")).orElse(null);
            try {
                String id = Validators.serverId(path + ".serverId", serverId);
                if (!groupMembers.contains(id)) {
                    throw new NotFoundException("Server " + id + " is not in protection group " + group.groupName());
                }
                ServerLaunchConfig override = ServerOverrideInput.readOne(path, id, fields);
                ProtectionGroup pending = withServers(group, servers, request);
                staticIps.require(pending, override, path + ".launchTemplate.staticPrivateIp");
                servers = replace(servers, override);
                results.add(Map.of("serverId", id, "success", true, "message", "saved"));
            } catch (ClientErrorException rejected) {
                results.add(Map.of("serverId", String.valueOf(serverId), "success", false,
                        "error", rejected.getMessage()));
            }
        }
        long saved = results.stream().filter(r -> Boolean.TRUE.equals(r.get("success"))).count();
        if (saved > 0) {
            groups.update(withServers(group, servers, request), expected);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("message", saved + " of " + items.size() + " server launch configuration(s) saved");
        out.put("totalRequested", items.size());
        out.put("successCount", saved);
        out.put("failureCount", items.size() - saved);
        out.put("results", results);
        return out;
    }

    Map<String, Object> validateIp(OperationRequest request) {
        ProtectionGroup group = groups.require(groupId(request));
        String serverId = Validators.serverId("serverId", request.parameter("serverId").orElse(null));
        RequestFields body = RequestFields.addressing(request, "groupId", group.groupId());
        String ip = body.requiredString("staticPrivateIp");
        String subnetId = body.requiredString("subnetId");
        if (!subnetId.matches("subnet-[0-9a-f]{8,17}")) {
            throw new ValidationException("Field 'subnetId' must be a subnet id (subnet- and 8-17 hex digits)");
        }
        Ipv4Cidr cidr = cidrs.of(group, "subnetId", subnetId);
        Optional<Violation> violation = StaticIpRules.check("staticPrivateIp", ip, cidr,
                staticIps.ipsUsedElsewhere(group, serverId));
        Map<String, Object> details = new LinkedHashMap<>();
        boolean parsed = dev.drsorchestrator.shared.launch.Ipv4Address.tryParse(ip).isPresent();
        details.put("inCidrRange", parsed && cidr.contains(dev.drsorchestrator.shared.launch.Ipv4Address.parse(ip)));
        details.put("notReserved", parsed && StaticIpRules.isUsable(
                dev.drsorchestrator.shared.launch.Ipv4Address.parse(ip), cidr));
        details.put("available", violation.map(v -> !"uniqueInSubnet".equals(v.rule())).orElse(true));
        details.put("subnetCidr", cidr.toString());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("valid", violation.isEmpty());
        out.put("ip", ip);
        out.put("subnetId", subnetId);
        violation.ifPresent(v -> out.put("error", v.rule()));
        out.put("message", violation.map(Violation::message).orElse(ip + " is usable in " + cidr));
        out.put("details", details);
        return out;
    }

    private static String groupId(OperationRequest request) {
        return request.parameter("id").or(() -> request.parameter("groupId"))
                .orElseThrow(() -> new ValidationException("Field 'groupId' is required"));
    }

    private void requireMember(ProtectionGroup group, String serverId) {
        boolean known = group.servers().stream().anyMatch(s -> s.sourceServerId().equals(serverId));
        if (!known && !members.of(group).contains(serverId)) {
            throw new NotFoundException("Server " + serverId + " is not in protection group " + group.groupName());
        }
    }

    private static List<ServerLaunchConfig> replace(List<ServerLaunchConfig> servers, ServerLaunchConfig override) {
        List<ServerLaunchConfig> out = new ArrayList<>();
        boolean replaced = false;
        for (ServerLaunchConfig s : servers) {
            if (s.sourceServerId().equals(override.sourceServerId())) {
                out.add(merged(s, override));
                replaced = true;
            } else {
                out.add(s);
            }
        }
        if (!replaced) {
            out.add(override);
        }
        ServerOverrideInput.requireDistinctIps("servers", out);
        return out;
    }

    private static ServerLaunchConfig merged(ServerLaunchConfig old, ServerLaunchConfig next) {
        return new ServerLaunchConfig(next.sourceServerId(),
                next.instanceId() != null ? next.instanceId() : old.instanceId(),
                next.instanceName() != null ? next.instanceName() : old.instanceName(),
                next.tags() != null ? next.tags() : old.tags(), next.useGroupDefaults(), next.launchTemplate(),
                old.effectiveConfig());
    }

    private ProtectionGroup withServers(ProtectionGroup g, List<ServerLaunchConfig> servers, OperationRequest request) {
        Instant now = clock.instant();
        return new ProtectionGroup(g.groupId(), g.groupName(), g.description(), g.region(), g.accountId(),
                g.assumeRoleName(), g.owner(), g.serverSelectionTags(), g.sourceServerIds(), g.launchConfig(), servers,
                g.createdDate(), now.getEpochSecond(), g.createdBy(), g.createdAt(), RequestFields.actor(request), now,
                null);
    }

    private static Map<String, Object> response(ServerLaunchConfig server, ProtectionGroup stored, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sourceServerId", server.sourceServerId());
        out.put("instanceId", server.instanceId());
        out.put("instanceName", server.instanceName());
        out.put("tags", server.tags());
        out.put("useGroupDefaults", server.useGroupDefaults());
        out.put("launchTemplate", server.launchTemplate());
        out.put("groupVersion", stored.version());
        out.put("message", message);
        return out;
    }
}
