package dev.drsorchestrator.datamanagement.launch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.model.LaunchConfig;
import dev.drsorchestrator.shared.model.ServerLaunchConfig;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads per-server launch overrides ({@code servers[]} of a group, or one server's launch-config body) field by
 * field. A server may appear once, and two servers may not ask for the same static IP.
 */
public final class ServerOverrideInput {
    /** At most this many overrides in one group, matching the wave ceiling of DRS. */
    public static final int MAX_SERVERS = 500;

    private ServerOverrideInput() {
    }

    /** The overrides of a {@code servers} array. */
    public static List<ServerLaunchConfig> readAll(String field, List<JsonNode> items) {
        List<ServerLaunchConfig> servers = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String path = field + "[" + i + "]";
            RequestFields fields = RequestFields.nested(path, items.get(i));
            String serverId = Validators.serverId(path + ".sourceServerId",
                    fields.string("sourceServerId").orElse(null));
            if (!seen.add(serverId)) {
                throw new ValidationException("Field '" + path + ".sourceServerId' repeats server " + serverId);
            }
            servers.add(readOne(path, serverId, fields));
        }
        requireDistinctIps(field, servers);
        return servers;
    }

    /** One server's override from its fields ({@code launchTemplate} object, {@code useGroupDefaults}). */
    public static ServerLaunchConfig readOne(String path, String serverId, RequestFields fields) {
        LaunchConfig template = fields.object("launchTemplate")
                .map(t -> LaunchConfigInput.read(path + ".launchTemplate", t)).orElse(null);
        Map<String, String> tags = fields.tags("tags").orElse(null);
        return new ServerLaunchConfig(serverId,
                fields.text("instanceId", 64).orElse(null),
                fields.text("instanceName", Validators.NAME_MAX).orElse(null),
                tags,
                fields.bool("useGroupDefaults").orElse(template == null),
                template,
                null);
    }

    /** 400 when two overrides ask for the same static private IP. */
    public static void requireDistinctIps(String field, List<ServerLaunchConfig> servers) {
        Set<String> ips = new HashSet<>();
        for (ServerLaunchConfig server : servers) {
            String ip = server.launchTemplate() == null ? null : server.launchTemplate().staticPrivateIp();
            if (ip != null && !ips.add(ip)) {
                throw new ValidationException("Field '" + field + "' assigns static IP " + ip
                        + " to more than one server (server " + server.sourceServerId() + ")");
            }
        }
    }
}
