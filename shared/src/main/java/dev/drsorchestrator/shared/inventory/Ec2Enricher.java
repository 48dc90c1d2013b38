package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.Ec2InstanceInfo;
import dev.drsorchestrator.shared.model.InventoryServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed unit 7, {@code enrich_with_ec2_metadata}: describes each server's <em>source</em> EC2 instance
 * ({@code sourceInstanceId}) in its origin account and region, which may differ from where DRS replicates it, grouped
 * by (origin account, origin region) so each group costs one batched query. Servers that are not EC2 machines, and
 * servers whose instance could not be described, keep their DRS data; output order and length equal the input's.
 */
public final class Ec2Enricher {
    private static final Logger LOG = LoggerFactory.getLogger(Ec2Enricher.class);

    private final Ec2InstanceQuery ec2;

    /** Enrichment through one EC2 query unit. */
    public Ec2Enricher(Ec2InstanceQuery ec2) {
        this.ec2 = ec2;
    }

    /**
     * The servers, enriched where their source instance was found.
     *
     * @param servers   servers of any accounts and regions
     * @param contextOf the identity to call EC2 with in an origin account (the sync's resolved accounts first)
     */
    public List<InventoryServer> enrich(List<InventoryServer> servers, Function<String, AccountContext> contextOf) {
        Map<Origin, List<String>> byOrigin = new LinkedHashMap<>();
        for (InventoryServer server : servers) {
            Origin origin = Origin.of(server);
            if (origin != null) {
                byOrigin.computeIfAbsent(origin, o -> new ArrayList<>()).add(server.sourceInstanceId());
            }
        }
        Map<Origin, Map<String, Ec2InstanceInfo>> found = new LinkedHashMap<>();
        byOrigin.forEach((origin, ids) -> {
            AccountContext context = contextOf(origin.accountId(), contextOf);
            found.put(origin, context == null ? Map.of() : ec2.query(ids, origin.region(), context));
        });
        List<InventoryServer> out = new ArrayList<>(servers.size());
        int enriched = 0;
        for (InventoryServer server : servers) {
            Origin origin = Origin.of(server);
            Ec2InstanceInfo info = origin == null ? null : found.get(origin).get(server.sourceInstanceId());
            if (info != null) {
                enriched++;
            }
            out.add(info == null ? server : InventoryRecords.enrich(server, info));
        }
        if (enriched < byOrigin.values().stream().mapToInt(List::size).sum()) {
            LOG.warn("EC2 enrichment found {} of {} source instances; the rest keep their DRS data", enriched,
                    byOrigin.values().stream().mapToInt(List::size).sum());
        }
        return out;
    }

    private static AccountContext contextOf(String accountId, Function<String, AccountContext> contextOf) {
        try {
            return contextOf.apply(accountId);
        } catch (RuntimeException e) {
            LOG.warn("No identity for origin account {}: {}", accountId, e.getMessage());
            return null;
        }
    }

    private record Origin(String accountId, String region) {
        static Origin of(InventoryServer server) {
            if (server.sourceInstanceId() == null || server.sourceInstanceId().isBlank()) {
                return null;
            }
            return new Origin(server.sourceAccount() == null ? server.accountId() : server.sourceAccount(),
                    server.sourceRegion() == null ? server.region() : server.sourceRegion());
        }
    }
}
