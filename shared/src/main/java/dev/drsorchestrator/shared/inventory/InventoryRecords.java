package dev.drsorchestrator.shared.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.gateway.Ec2InstanceInfo;
import dev.drsorchestrator.shared.model.InventoryServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the gateway's contract-shaped source server into the inventory item, and merges EC2 facts into one; both
 * pipelines use these two functions, so their items can only differ if their inputs do.
 */
public final class InventoryRecords {
    private InventoryRecords() {
    }

    /** The inventory item of a server DRS returned for {@code accountId} in {@code region}. */
    public static InventoryServer fromDrs(JsonNode s, String accountId, String region, String syncedAt) {
        List<JsonNode> nics = new ArrayList<>();
        s.path("networkInterfaces").forEach(nics::add);
        return new InventoryServer(
                text(s, "sourceServerID"), accountId, region, InventoryServer.accountRegion(accountId, region),
                text(s, "hostname"), text(s, "fqdn"), text(s, "nameTag"), text(s, "sourceInstanceId"),
                text(s, "sourceIp"), text(s, "sourceMac"), text(s, "sourceRegion"), text(s, "sourceAccount"),
                text(s, "sourceAvailabilityZone"), text(s, "targetAvailabilityZone"), text(s, "os"),
                null, null, text(s, "replicationState"), text(s, "lagDuration"), text(s, "lastSeen"),
                text(s, "lastLaunchResult"),
                s.hasNonNull("replicatedStorageBytes") ? s.get("replicatedStorageBytes").asLong() : null,
                s.hasNonNull("hardware") ? s.get("hardware") : null, nics, tags(s.path("drsTags")),
                tags(s.path("tags")), syncedAt);
    }

    /** The server with the source instance's type, state and tags; DRS data is kept as it was. */
    public static InventoryServer enrich(InventoryServer s, Ec2InstanceInfo ec2) {
        Map<String, String> tags = ec2.tags().isEmpty() ? s.tags() : ec2.tags();
        return new InventoryServer(s.sourceServerId(), s.accountId(), s.region(), s.accountRegion(), s.hostname(),
                s.fqdn(), s.nameTag(), s.sourceInstanceId(), s.sourceIp(), s.sourceMac(), s.sourceRegion(),
                s.sourceAccount(), s.sourceAvailabilityZone(), s.targetAvailabilityZone(), s.os(),
                ec2.instanceType(), ec2.state(), s.replicationState(), s.lagDuration(), s.lastSeen(),
                s.lastLaunchResult(), s.replicatedStorageBytes(), s.hardware(), s.networkInterfaces(), s.drsTags(),
                tags, s.lastSyncedAt());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static Map<String, String> tags(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
