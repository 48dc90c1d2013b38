package dev.drsorchestrator.query.drs;

import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.shared.drs.DrsLimits;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code get_drs_capacity_conflicts}: per (account, region) of the protection groups, where recovering every protected
 * server at once would exceed a DRS quota (servers in all active jobs) or where replication already exceeds the
 * replicating-server quota, so an operator sees it before a recovery rather than during one.
 */
final class CapacityConflicts {
    private final QueryContext context;
    private final InventoryCounts counts;

    CapacityConflicts(QueryContext context) {
        this.context = context;
        this.counts = new InventoryCounts(context);
    }

    Object conflicts(OperationRequest request) {
        Map<String, List<ProtectionGroup>> byAccountRegion = new TreeMap<>();
        for (ProtectionGroup group : context.stores().protectionGroups().listAll()) {
            if (group.region() == null) {
                continue;
            }
            String account = group.accountId() != null ? group.accountId()
                    : Optional.ofNullable(context.hubAccountId()).orElse("hub");
            byAccountRegion.computeIfAbsent(account + "#" + group.region(), k -> new ArrayList<>()).add(group);
        }
        List<Map<String, Object>> conflicts = new ArrayList<>();
        byAccountRegion.forEach((key, groups) -> {
            String accountId = key.substring(0, key.indexOf('#'));
            String region = key.substring(key.indexOf('#') + 1);
            int protectedServers = groups.stream()
                    .mapToInt(g -> g.sourceServerIds() == null ? 0 : g.sourceServerIds().size()).sum();
            if (protectedServers > DrsLimits.MAX_SERVERS_IN_ACTIVE_JOBS) {
                conflicts.add(conflict(accountId, region, "SERVERS_IN_ACTIVE_JOBS", protectedServers,
                        DrsLimits.MAX_SERVERS_IN_ACTIVE_JOBS, groups, "Recovering all " + protectedServers
                                + " protected servers at once exceeds the DRS limit of "
                                + DrsLimits.MAX_SERVERS_IN_ACTIVE_JOBS + " servers in active jobs"));
            }
            if (accountId.matches("\\d{12}")) {
                int replicating = counts.count(accountId, region, null).replicatingServers();
                if (replicating > DrsLimits.MAX_REPLICATING_SERVERS) {
                    conflicts.add(conflict(accountId, region, "REPLICATING_SERVERS", replicating,
                            DrsLimits.MAX_REPLICATING_SERVERS, groups, replicating
                                    + " replicating servers exceed the DRS quota of "
                                    + DrsLimits.MAX_REPLICATING_SERVERS));
                }
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conflicts", conflicts);
        out.put("count", conflicts.size());
        return out;
    }

    private static Map<String, Object> conflict(String accountId, String region, String type, int count, int limit,
            List<ProtectionGroup> groups, String message) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accountId", accountId);
        out.put("region", region);
        out.put("conflictType", type);
        out.put("count", count);
        out.put("limit", limit);
        out.put("protectionGroupIds", groups.stream().map(ProtectionGroup::groupId).toList());
        out.put("message", message);
        return out;
    }
}
