package dev.drsorchestrator.query.drs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.TableReads;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.drs.DrsLimits;
import dev.drsorchestrator.shared.model.RegionStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Per-account, per-region server counts from the inventory table (kept fresh by the inventory sync), so capacity over
 * every region and account costs index queries, not a DRS call per region. Regions come from the account's region
 * status records: only regions the sync reached hold servers.
 */
public final class InventoryCounts {
    static final String INDEX = "AccountRegionIndex";
    static final String BY_ACCOUNT_REGION = "#ar = :ar";
    static final String PROJECTION_NAMES = "replicationState";
    private final QueryContext context;

    /** Counts read through a context. */
    public InventoryCounts(QueryContext context) {
        this.context = context;
    }

    /** Servers and replicating servers of one account in one region. */
    public record RegionCount(String region, int totalServers, int replicatingServers, String lastSyncedAt) {
        /** The region's capacity view. */
        public Map<String, Object> view() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("region", region);
            out.put("totalServers", totalServers);
            out.put("replicatingServers", replicatingServers);
            out.put("maxReplicating", DrsLimits.MAX_REPLICATING_SERVERS);
            out.put("percentUsed", CapacityStatus.percentUsed(replicatingServers));
            out.put("availableSlots", CapacityStatus.available(replicatingServers));
            out.put("status", CapacityStatus.of(replicatingServers));
            return out;
        }
    }

    /** The counts of every region the account's sync reached (optionally one region). */
    public List<RegionCount> byRegion(String accountId, Optional<String> onlyRegion) {
        List<RegionCount> out = new ArrayList<>();
        for (RegionStatus status : context.stores().regionStatuses().listByAccount(accountId)) {
            if (onlyRegion.isPresent() && !onlyRegion.get().equals(status.region())) {
                continue;
            }
            out.add(count(accountId, status.region(), status.lastSyncedAt()));
        }
        return out;
    }

    /** The counts of one account in one region. */
    public RegionCount count(String accountId, String region, String lastSyncedAt) {
        String table = context.table(Table.SOURCE_SERVER_INVENTORY);
        int total = 0;
        int replicating = 0;
        Optional<ObjectNode> start = Optional.empty();
        do {
            TableReads.ItemPage page = context.reads().query(table, INDEX, BY_ACCOUNT_REGION, null,
                    Map.of("#ar", "accountRegion"),
                    Map.of(":ar", AttributeValue.builder().s(accountId + "#" + region).build()), 1000, start, false);
            for (Map<String, AttributeValue> item : page.items()) {
                total++;
                AttributeValue state = item.get(PROJECTION_NAMES);
                if (CapacityStatus.replicating(state == null ? null : state.s())) {
                    replicating++;
                }
            }
            start = page.lastKey();
        } while (start.isPresent());
        return new RegionCount(region, total, replicating, lastSyncedAt);
    }
}
