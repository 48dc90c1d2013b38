package dev.drsorchestrator.query.dashboard;

import dev.drsorchestrator.shared.drs.DrsLimits;
import dev.drsorchestrator.shared.model.RegionStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's view of the last inventory sync: regions reachable or degraded, the newest sync time, and the
 * regions whose source-server count approaches the replicating-server quota.
 */
record RegionSummary(int targetAccounts, Map<String, Object> summary, List<String> warnings) {
    /** Servers in one region above which the replicating quota may be at risk. */
    static final int CAPACITY_WARNING_SERVERS = 200;

    static RegionSummary of(int targetAccounts, List<RegionStatus> statuses) {
        int activeRegions = 0;
        int degraded = 0;
        String lastSync = null;
        List<String> warnings = new ArrayList<>();
        for (RegionStatus status : statuses) {
            if ("ACTIVE".equals(status.status())) {
                activeRegions++;
            } else if (!"NOT_INITIALIZED".equals(status.status())) {
                degraded++;
            }
            if (status.lastSyncedAt() != null && (lastSync == null || status.lastSyncedAt().compareTo(lastSync) > 0)) {
                lastSync = status.lastSyncedAt();
            }
            int servers = status.serverCount() == null ? 0 : status.serverCount();
            if (servers >= CAPACITY_WARNING_SERVERS) {
                warnings.add(status.accountId() + " " + status.region() + ": " + servers
                        + " source servers against the replicating quota of " + DrsLimits.MAX_REPLICATING_SERVERS);
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("active", activeRegions);
        summary.put("degraded", degraded);
        summary.put("lastSync", lastSync);
        return new RegionSummary(targetAccounts, summary, List.copyOf(warnings));
    }
}
