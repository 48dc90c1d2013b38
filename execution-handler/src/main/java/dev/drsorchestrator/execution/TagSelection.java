package dev.drsorchestrator.execution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.gateway.SourceServerQuery;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import java.util.List;
import java.util.Map;

/**
 * The servers a protection group's tag selector picks at the moment an execution starts, read live from DRS in the
 * group's account and region: a server matches when its DRS tags hold every selector tag with exactly that value
 * (tag sync copies EC2 tags onto DRS source servers for this). Resolving at start, not from the inventory, means a
 * recovery never launches from a stale list; the result is stored on the execution, so every wave runs what was
 * checked and claimed.
 */
final class TagSelection {
    private final ExecutionServices services;

    TagSelection(ExecutionServices services) {
        this.services = services;
    }

    /** The ids of the group's DRS source servers matching its selector; empty when the group has no selector. */
    List<String> select(ProtectionGroup group) {
        Map<String, String> selector = group.serverSelectionTags();
        if (selector == null || selector.isEmpty()) {
            return List.of();
        }
        String account = group.accountId() == null || group.accountId().isBlank() ? null : group.accountId();
        return services.drs(account, group.assumeRoleName(), group.region())
                .describeSourceServers(SourceServerQuery.all()).stream()
                .filter(server -> matches(server, selector))
                .map(server -> server.path("sourceServerID").asText())
                .filter(id -> !id.isEmpty())
                .sorted()
                .toList();
    }

    /** Whether a source server (the gateway's {@code SourceServer} shape) carries every selector tag. */
    static boolean matches(JsonNode server, Map<String, String> selector) {
        JsonNode tags = server.path("tags");
        for (Map.Entry<String, String> wanted : selector.entrySet()) {
            JsonNode value = tags.get(wanted.getKey());
            if (value == null || !value.isTextual() || !value.asText().equals(wanted.getValue())) {
                return false;
            }
        }
        return true;
    }
}
