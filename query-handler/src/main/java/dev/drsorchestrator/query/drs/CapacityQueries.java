package dev.drsorchestrator.query.drs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.shared.drs.DrsLimits;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.DrsJob;
import dev.drsorchestrator.shared.gateway.SourceServerQuery;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * DRS quota reads of one account: one region live (source servers and running jobs from DRS), or every region the
 * inventory sync reached (from the inventory table). Shapes follow the contract's {@code DrsQuotaStatus}.
 */
final class CapacityQueries {
    /** Replicating servers at which the original frontend warns (its {@code limits} constant). */
    static final int WARNING_REPLICATING_THRESHOLD = 250;
    /** Replicating servers at which the original frontend shows critical (its {@code limits} constant). */
    static final int CRITICAL_REPLICATING_THRESHOLD = 280;

    private final QueryContext context;
    private final InventoryCounts counts;

    CapacityQueries(QueryContext context) {
        this.context = context;
        this.counts = new InventoryCounts(context);
    }

    /** {@code GET /drs/quotas}: one account, one region live or all regions from the inventory. */
    Object quotas(OperationRequest request) {
        String accountId = Validators.accountId("accountId", request.parameter("accountId").orElse(null));
        Optional<String> region = Params.optionalRegion(request, "region");
        AccountContext account = context.targets().of(request, accountId);
        if (region.isPresent()) {
            return live(accountId, account, region.get());
        }
        List<InventoryCounts.RegionCount> regions = counts.byRegion(accountId, Optional.empty());
        int total = regions.stream().mapToInt(InventoryCounts.RegionCount::totalServers).sum();
        int replicating = regions.stream().mapToInt(InventoryCounts.RegionCount::replicatingServers).sum();
        Map<String, Object> out = header(accountId, "all");
        out.put("capacity", capacity(total, replicating));
        out.put("regionalBreakdown", regions.stream().map(InventoryCounts.RegionCount::view).toList());
        out.put("source", "inventory_database");
        return out;
    }

    /** {@code get_drs_account_capacity}: one account (default the hub) in one region, live. */
    Object accountCapacity(OperationRequest request) {
        String region = Params.region(request);
        AccountContext account = context.targets().fromParameter(request, "accountId");
        return live(context.targets().accountIdOf(account), account, region);
    }

    /** {@code get_drs_regional_capacity}: the hub in one region, live. */
    Object regionalCapacity(OperationRequest request) {
        String region = Params.region(request);
        Map<String, Object> live = live(context.hubAccountId(), AccountContext.hub(), region);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", region);
        out.put("capacity", live.get("capacity"));
        out.put("concurrentJobs", live.get("concurrentJobs"));
        out.put("serversInJobs", live.get("serversInJobs"));
        return out;
    }

    Map<String, Object> live(String accountId, AccountContext account, String region) {
        DrsGateway drs = context.gateways().drs(account, region);
        int total = 0;
        int replicating = 0;
        for (JsonNode server : drs.describeSourceServers(SourceServerQuery.all())) {
            total++;
            if (CapacityStatus.replicating(server.path("replicationState").asText(null))) {
                replicating++;
            }
        }
        int activeJobs = 0;
        int serversInJobs = 0;
        for (DrsJob job : drs.describeJobs(List.of())) {
            if (!"COMPLETED".equals(job.status())) {
                activeJobs++;
                serversInJobs += job.participatingServers().size();
            }
        }
        Map<String, Object> out = header(accountId, region);
        out.put("capacity", capacity(total, replicating));
        out.put("concurrentJobs", usage(activeJobs, DrsLimits.MAX_CONCURRENT_JOBS));
        out.put("serversInJobs", usage(serversInJobs, DrsLimits.MAX_SERVERS_IN_ACTIVE_JOBS));
        out.put("source", "drs");
        return out;
    }

    private Map<String, Object> header(String accountId, String region) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accountId", accountId);
        if (accountId != null) {
            context.stores().targetAccounts().get(accountId).map(TargetAccount::accountName)
                    .ifPresent(name -> out.put("accountName", name));
        }
        out.put("region", region);
        out.put("limits", limits());
        return out;
    }

    static Map<String, Object> limits() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("MAX_SERVERS_PER_JOB", DrsLimits.MAX_SERVERS_PER_JOB);
        limits.put("MAX_CONCURRENT_JOBS", DrsLimits.MAX_CONCURRENT_JOBS);
        limits.put("MAX_SERVERS_IN_ALL_JOBS", DrsLimits.MAX_SERVERS_IN_ACTIVE_JOBS);
        limits.put("MAX_REPLICATING_SERVERS", DrsLimits.MAX_REPLICATING_SERVERS);
        limits.put("MAX_SOURCE_SERVERS", DrsLimits.MAX_SOURCE_SERVERS);
        limits.put("WARNING_REPLICATING_THRESHOLD", WARNING_REPLICATING_THRESHOLD);
        limits.put("CRITICAL_REPLICATING_THRESHOLD", CRITICAL_REPLICATING_THRESHOLD);
        limits.put("maxReplicatingServers", DrsLimits.MAX_REPLICATING_SERVERS);
        limits.put("maxSourceServers", DrsLimits.MAX_SOURCE_SERVERS);
        limits.put("maxConcurrentJobs", DrsLimits.MAX_CONCURRENT_JOBS);
        limits.put("maxServersInAllJobs", DrsLimits.MAX_SERVERS_IN_ACTIVE_JOBS);
        limits.put("maxServersPerJob", DrsLimits.MAX_SERVERS_PER_JOB);
        return limits;
    }

    static Map<String, Object> capacity(int total, int replicating) {
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("totalServers", total);
        capacity.put("replicatingServers", replicating);
        capacity.put("maxReplicating", DrsLimits.MAX_REPLICATING_SERVERS);
        capacity.put("availableReplicatingSlots", CapacityStatus.available(replicating));
        capacity.put("percentUsed", CapacityStatus.percentUsed(replicating));
        capacity.put("maxSourceServers", DrsLimits.MAX_SOURCE_SERVERS);
        capacity.put("availableSourceServerSlots", Math.max(0, DrsLimits.MAX_SOURCE_SERVERS - total));
        capacity.put("status", CapacityStatus.of(replicating));
        List<String> warnings = new ArrayList<>();
        Optional.ofNullable(CapacityStatus.warning("The account", replicating)).ifPresent(warnings::add);
        if (total >= DrsLimits.MAX_SOURCE_SERVERS) {
            warnings.add("CRITICAL: source server quota of " + DrsLimits.MAX_SOURCE_SERVERS + " reached");
        }
        capacity.put("warnings", warnings);
        return capacity;
    }

    private static Map<String, Object> usage(int current, int max) {
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("current", current);
        usage.put("max", max);
        usage.put("available", Math.max(0, max - current));
        return usage;
    }
}
