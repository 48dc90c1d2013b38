package dev.drsorchestrator.query.drs;

import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.model.TagSyncSettings;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * DRS reads: live source servers, the inventory, region reachability, quotas and capacity conflicts, tag resolution
 * for the state machine, and the last tag-sync outcome.
 */
public final class DrsQueries {
    private final QueryContext context;

    private DrsQueries(QueryContext context) {
        this.context = context;
    }

    /** The operations of this group. */
    public static List<Operation> operations(QueryContext context) {
        DrsQueries drs = new DrsQueries(context);
        DrsServerQueries servers = new DrsServerQueries(context);
        InventoryQueries inventory = new InventoryQueries(context);
        CapacityQueries capacity = new CapacityQueries(context);
        CapacityConflicts conflicts = new CapacityConflicts(context);
        return List.of(
                Operation.of("get_drs_source_servers", Permission.SERVERS_READ, servers::sourceServers,
                        Route.get("/drs/source-servers")),
                Operation.of("get_source_server_inventory", Permission.SERVERS_READ, inventory::inventory,
                        Route.get("/drs/source-server-inventory")),
                Operation.of("get_region_status", Permission.SERVERS_READ, drs::regionStatus,
                        Route.get("/drs/region-status")),
                Operation.of("get_drs_account_capacity_all_regions", Permission.SERVERS_READ, capacity::quotas,
                        Route.get("/drs/quotas")),
                Operation.of("get_last_tag_sync_status", Permission.CONFIG_READ, drs::lastTagSync,
                        Route.get("/drs/tag-sync")),
                Operation.of("get_drs_account_capacity", Permission.SERVERS_READ, capacity::accountCapacity),
                Operation.of("get_drs_regional_capacity", Permission.SERVERS_READ, capacity::regionalCapacity),
                Operation.of("get_drs_capacity_conflicts", Permission.SERVERS_READ, conflicts::conflicts),
                Operation.of("query_servers_by_tags", Permission.SERVERS_READ, servers::serversByTags));
    }

    Object regionStatus(OperationRequest request) {
        Optional<String> region = Params.optionalRegion(request, "region");
        Set<String> accounts = new LinkedHashSet<>();
        Optional<String> only = request.parameter("accountId").filter(v -> !v.isBlank())
                .map(v -> Validators.accountId("accountId", v.trim()));
        if (only.isPresent()) {
            accounts.add(only.get());
        } else {
            Optional.ofNullable(context.hubAccountId()).ifPresent(accounts::add);
            context.stores().targetAccounts().listAll().stream().map(TargetAccount::accountId).forEach(accounts::add);
        }
        List<Map<String, Object>> statuses = new ArrayList<>();
        for (String accountId : accounts) {
            for (RegionStatus status : context.stores().regionStatuses().listByAccount(accountId)) {
                if (region.isPresent() && !region.get().equals(status.region())) {
                    continue;
                }
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("accountId", status.accountId());
                view.put("region", status.region());
                view.put("status", status.status());
                view.put("serverCount", status.serverCount() == null ? 0 : status.serverCount());
                if (status.errorType() != null) {
                    view.put("errorType", status.errorType());
                    view.put("errorMessage", status.errorMessage());
                    view.put("retryable", status.retryable());
                }
                view.put("lastUpdated", status.lastSyncedAt());
                statuses.add(view);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("regionStatuses", statuses);
        out.put("count", statuses.size());
        return out;
    }

    Object lastTagSync(OperationRequest request) {
        Optional<TagSyncSettings> settings = context.stores().tagSyncConfig().get();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lastSync", settings.map(TagSyncSettings::lastSyncTime).orElse(null));
        out.put("status", settings.map(TagSyncSettings::lastSyncStatus).orElse("never"));
        settings.map(TagSyncSettings::lastSyncResult).ifPresent(result -> {
            if (result.has("source")) {
                out.put("source", result.get("source").asText());
            }
            if (result.has("totalSynced")) {
                out.put("totalSynced", result.get("totalSynced").asInt());
            }
            if (result.has("totalFailed")) {
                out.put("totalFailed", result.get("totalFailed").asInt());
            }
        });
        return out;
    }
}
