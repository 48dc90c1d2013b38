package dev.drsorchestrator.shared.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A DRS source server as inventory sync normalizes it: DRS fields, EC2 enrichment and where it lives. The key is
 * {@code sourceServerId} (the table key; the wire's {@code SourceServer} spells it {@code sourceServerID}, mapped by
 * the query handler); {@code accountRegion} ({@code <accountId>#<region>}) keys {@code AccountRegionIndex}.
 *
 * @param sourceServerId         key
 * @param accountId              account the server is registered in (target or staging)
 * @param region                 DRS region
 * @param accountRegion          {@code accountId + "#" + region}
 * @param hostname               source hostname
 * @param fqdn                   source FQDN
 * @param nameTag                source Name tag
 * @param sourceInstanceId       source EC2 instance
 * @param sourceIp               source IP
 * @param sourceMac              source MAC
 * @param sourceRegion           source region
 * @param sourceAccount          source account
 * @param sourceAvailabilityZone source AZ
 * @param targetAvailabilityZone target AZ
 * @param os                     operating system
 * @param instanceType           EC2 instance type (enrichment)
 * @param state                  EC2 instance state (enrichment)
 * @param replicationState       DRS data replication state
 * @param lagDuration            replication lag (ISO-8601 duration)
 * @param lastSeen               last heartbeat, ISO-8601
 * @param lastLaunchResult       DRS last launch result
 * @param replicatedStorageBytes replicated bytes
 * @param hardware               DRS hardware details, kept as received
 * @param networkInterfaces      DRS network interfaces, kept as received
 * @param drsTags                tags on the DRS source server
 * @param tags                   tags on the source EC2 instance
 * @param lastSyncedAt           ISO-8601 time of the sync that wrote this item
 */
public record InventoryServer(
        String sourceServerId,
        String accountId,
        String region,
        String accountRegion,
        String hostname,
        String fqdn,
        String nameTag,
        String sourceInstanceId,
        String sourceIp,
        String sourceMac,
        String sourceRegion,
        String sourceAccount,
        String sourceAvailabilityZone,
        String targetAvailabilityZone,
        String os,
        String instanceType,
        String state,
        String replicationState,
        String lagDuration,
        String lastSeen,
        String lastLaunchResult,
        Long replicatedStorageBytes,
        JsonNode hardware,
        List<JsonNode> networkInterfaces,
        Map<String, String> drsTags,
        Map<String, String> tags,
        String lastSyncedAt) {

    /** Copies the collections. */
    public InventoryServer {
        networkInterfaces = Copies.list(networkInterfaces);
        drsTags = Copies.map(drsTags);
        tags = Copies.map(tags);
    }

    /** The {@code AccountRegionIndex} key of an account and region. */
    public static String accountRegion(String accountId, String region) {
        return accountId + "#" + region;
    }
}
