package dev.drsorchestrator.query.accounts;

import dev.drsorchestrator.query.drs.CapacityStatus;
import dev.drsorchestrator.query.drs.InventoryCounts;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.shared.drs.DrsLimits;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.model.StagingAccount;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Capacity across accounts, from the inventory table: a target with its staging accounts (replicating servers of all
 * of them share the target's recovery capacity, 4,000 source servers) and every registered account at once.
 */
final class AccountCapacityQueries {
    private final QueryContext context;
    private final InventoryCounts counts;

    AccountCapacityQueries(QueryContext context) {
        this.context = context;
        this.counts = new InventoryCounts(context);
    }

    Object combined(OperationRequest request) {
        String id = Validators.accountId("id", request.pathParameter("id"));
        boolean breakdown = Params.bool(request, "includeRegionalBreakdown").orElse(true);
        TargetAccount target = context.stores().targetAccounts().require(id);
        request.auditTargetAccount(id);
        List<Map<String, Object>> accounts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<InventoryCounts.RegionCount> targetRegions = counts.byRegion(id, Optional.empty());
        accounts.add(account(id, target.accountName(), "target", targetRegions, breakdown, warnings));
        for (StagingAccount staging : AccountQueries.staging(target)) {
            accounts.add(account(staging.accountId(), staging.accountName(), "staging",
                    counts.byRegion(staging.accountId(), Optional.empty()), breakdown, warnings));
        }
        int replicating = accounts.stream().mapToInt(a -> (int) a.get("replicatingServers")).sum();
        int total = accounts.stream().mapToInt(a -> (int) a.get("totalServers")).sum();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("combined", combined(replicating, accounts.size()));
        out.put("accounts", accounts);
        out.put("recoveryCapacity", recovery(total));
        if (breakdown) {
            out.put("regionalCapacity", targetRegions.stream().map(InventoryCounts.RegionCount::view).toList());
        }
        Map<String, Object> perJob = new LinkedHashMap<>();
        perJob.put("max", DrsLimits.MAX_SERVERS_PER_JOB);
        out.put("maxServersPerJob", perJob);
        if (total >= DrsLimits.MAX_SOURCE_SERVERS * 0.8) {
            warnings.add("WARNING: " + total + " servers against the recovery capacity of "
                    + DrsLimits.MAX_SOURCE_SERVERS);
        }
        out.put("warnings", warnings);
        out.put("timestamp", Instant.now(context.clock()).toString());
        return out;
    }

    Object all(OperationRequest request) {
        List<Map<String, Object>> accounts = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (TargetAccount target : context.stores().targetAccounts().listAll()) {
            accounts.add(account(target.accountId(), target.accountName(), "target",
                    counts.byRegion(target.accountId(), Optional.empty()), false, warnings));
            for (StagingAccount staging : AccountQueries.staging(target)) {
                accounts.add(account(staging.accountId(), staging.accountName(), "staging",
                        counts.byRegion(staging.accountId(), Optional.empty()), false, warnings));
            }
        }
        int replicating = accounts.stream().mapToInt(a -> (int) a.get("replicatingServers")).sum();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accounts", accounts);
        out.put("combined", combined(replicating, accounts.size()));
        out.put("warnings", warnings);
        out.put("timestamp", Instant.now(context.clock()).toString());
        return out;
    }

    private static Map<String, Object> account(String accountId, String name, String type,
            List<InventoryCounts.RegionCount> regions, boolean breakdown, List<String> warnings) {
        int total = regions.stream().mapToInt(InventoryCounts.RegionCount::totalServers).sum();
        int replicating = regions.stream().mapToInt(InventoryCounts.RegionCount::replicatingServers).sum();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accountId", accountId);
        if (name != null) {
            out.put("accountName", name);
        }
        out.put("accountType", type);
        out.put("replicatingServers", replicating);
        out.put("totalServers", total);
        out.put("maxReplicating", DrsLimits.MAX_REPLICATING_SERVERS);
        out.put("percentUsed", CapacityStatus.percentUsed(replicating));
        out.put("availableSlots", CapacityStatus.available(replicating));
        out.put("status", CapacityStatus.of(replicating));
        out.put("accessible", true);
        List<String> own = new ArrayList<>();
        Optional.ofNullable(CapacityStatus.warning("Account " + accountId, replicating)).ifPresent(own::add);
        out.put("warnings", own);
        warnings.addAll(own);
        if (breakdown) {
            out.put("regionalBreakdown", regions.stream().map(InventoryCounts.RegionCount::view).toList());
        }
        return out;
    }

    private static Map<String, Object> combined(int replicating, int accountCount) {
        int max = DrsLimits.MAX_REPLICATING_SERVERS * Math.max(1, accountCount);
        double percent = Math.round(replicating * 10000.0 / max) / 100.0;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("totalReplicating", replicating);
        out.put("maxReplicating", max);
        out.put("percentUsed", percent);
        out.put("availableSlots", Math.max(0, max - replicating));
        String status = percent >= 93.3 ? "HYPER-CRITICAL" : percent >= 83.3 ? "CRITICAL" : percent >= 75 ? "WARNING"
                : percent >= 66.7 ? "INFO" : "OK";
        out.put("status", status);
        out.put("message", replicating + " of " + max + " replicating slots in use across " + accountCount
                + " account(s)");
        return out;
    }

    private static Map<String, Object> recovery(int total) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("currentServers", total);
        out.put("maxRecoveryInstances", DrsLimits.MAX_SOURCE_SERVERS);
        out.put("percentUsed", Math.round(total * 10000.0 / DrsLimits.MAX_SOURCE_SERVERS) / 100.0);
        out.put("availableSlots", Math.max(0, DrsLimits.MAX_SOURCE_SERVERS - total));
        out.put("status", total >= DrsLimits.MAX_SOURCE_SERVERS * 0.9 ? "CRITICAL"
                : total >= DrsLimits.MAX_SOURCE_SERVERS * 0.8 ? "WARNING" : "OK");
        return out;
    }
}
