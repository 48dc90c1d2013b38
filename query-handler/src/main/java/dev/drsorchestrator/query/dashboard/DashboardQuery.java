package dev.drsorchestrator.query.dashboard;

import dev.drsorchestrator.query.support.ExecutionViews;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.drs.DrsLimits;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.security.Permission;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code get_dashboard_data}: what an operator watching recoveries needs on one screen, in one call with bounded work:
 * counts (index COUNT queries over the last {@value #COUNT_WINDOW_DAYS} days), active executions, the most recent
 * failures, region reachability and capacity warnings from the last inventory sync.
 */
public final class DashboardQuery {
    /** Most recent failures shown. */
    static final int RECENT = 10;
    /** Servers in one region above which the replicating quota may be at risk. */
    static final int CAPACITY_WARNING_SERVERS = 200;
    /** Executions counted by status: those started in this many days, so the work does not grow with history. */
    static final int COUNT_WINDOW_DAYS = 30;
    static final String BY_STATUS_SINCE = "#status = :status AND #startTime >= :since";
    static final List<ExecutionStatus> FAILURES = List.of(ExecutionStatus.FAILED, ExecutionStatus.PARTIAL,
            ExecutionStatus.TIMEOUT);

    private final QueryContext context;

    private DashboardQuery(QueryContext context) {
        this.context = context;
    }

    /** The operation. */
    public static List<Operation> operations(QueryContext context) {
        DashboardQuery dashboard = new DashboardQuery(context);
        return List.of(Operation.of("get_dashboard_data", Permission.EXECUTIONS_READ, dashboard::dashboard,
                Route.get("/dashboard")));
    }

    Object dashboard(OperationRequest request) {
        String executions = context.table(Table.EXECUTION_HISTORY);
        String since = Instant.now(context.clock()).minus(java.time.Duration.ofDays(COUNT_WINDOW_DAYS)).toString();
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (ExecutionStatus status : ExecutionStatus.values()) {
            byStatus.put(status.wireName(), context.reads().count(executions, "StatusIndex", BY_STATUS_SINCE,
                    Map.of("#status", "status", "#startTime", "startTime"),
                    Map.of(":status", AttributeValue.builder().s(status.wireName()).build(),
                            ":since", AttributeValue.builder().s(since).build())));
        }
        List<Execution> active = ExecutionViews.active(context);
        List<Execution> failures = new ArrayList<>();
        for (ExecutionStatus status : FAILURES) {
            failures.addAll(context.stores().executions().listByStatus(status, RECENT, Optional.empty()).items());
        }
        failures.sort(Comparator.comparing((Execution e) -> e.startTime() == null ? "" : e.startTime()).reversed());
        List<TargetAccount> accounts = context.stores().targetAccounts().listAll();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("protectionGroupCount", context.stores().protectionGroups().count());
        out.put("recoveryPlanCount", context.stores().recoveryPlans().listAll().size());
        out.put("targetAccountCount", accounts.size());
        out.put("executionCountsByStatus", byStatus);
        out.put("countsSince", since);
        out.put("activeExecutions", ExecutionViews.listItems(active));
        out.put("recentExecutions", ExecutionViews.listItems(failures.subList(0, Math.min(RECENT, failures.size()))));
        regions(accounts, out);
        out.put("generatedAt", Instant.now(context.clock()).toString());
        return out;
    }

    private void regions(List<TargetAccount> accounts, Map<String, Object> out) {
        Set<String> ids = new LinkedHashSet<>();
        Optional.ofNullable(context.hubAccountId()).ifPresent(ids::add);
        accounts.forEach(a -> ids.add(a.accountId()));
        int activeRegions = 0;
        int degraded = 0;
        String lastSync = null;
        List<String> warnings = new ArrayList<>();
        for (String accountId : ids) {
            for (RegionStatus status : context.stores().regionStatuses().listByAccount(accountId)) {
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
                    warnings.add(accountId + " " + status.region() + ": " + servers
                            + " source servers against the replicating quota of " + DrsLimits.MAX_REPLICATING_SERVERS);
                }
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("active", activeRegions);
        summary.put("degraded", degraded);
        summary.put("lastSync", lastSync);
        out.put("regionStatusSummary", summary);
        out.put("capacityWarnings", warnings);
    }
}
