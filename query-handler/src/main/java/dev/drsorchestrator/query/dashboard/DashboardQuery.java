package dev.drsorchestrator.query.dashboard;

import dev.drsorchestrator.query.support.ExecutionViews;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.store.ItemMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code get_dashboard_data}: what an operator watching recoveries needs on one screen, in one call with bounded work:
 * counts, active executions, the most recent failures, region reachability and capacity warnings from the last
 * inventory sync.
 *
 * <p>Bounded work: active executions are read from {@code StatusIndex} (at most {@link ExecutionViews#MAX_ACTIVE})
 * and their counts come from that list; finished executions are the exact sums of the per-day counts the execution
 * writes keep ({@code ExecutionCountStore}), over the UTC days from {@value #COUNT_WINDOW_DAYS} days ago through
 * today: one read of at most 31 small items, however many executions the window holds. Recent failures are read
 * with only the fields of the list view. The independent reads (one per active status, one for the finished counts,
 * one per failure status, and one each for groups, plans, accounts and region statuses) run concurrently
 * ({@link DashboardReads}).
 */
public final class DashboardQuery {
    /** Most recent failures shown. */
    static final int RECENT = 10;
    /**
     * Finished executions counted by status: those started since the start of the UTC day this many days ago (the
     * counts are kept per UTC day of the start time).
     */
    static final int COUNT_WINDOW_DAYS = 30;
    static final String STATUS_INDEX = "StatusIndex";
    static final String BY_STATUS = "#status = :status";
    /** The attributes of an execution's list view ({@link ExecutionViews#listItem}) that a finished execution uses. */
    static final Map<String, String> LIST_VIEW = Map.ofEntries(Map.entry("#executionId", "executionId"),
            Map.entry("#planId", "planId"), Map.entry("#planName", "planName"), Map.entry("#status", "status"),
            Map.entry("#executionType", "executionType"), Map.entry("#startTime", "startTime"),
            Map.entry("#endTime", "endTime"), Map.entry("#currentWave", "currentWave"),
            Map.entry("#totalWaves", "totalWaves"), Map.entry("#initiatedBy", "initiatedBy"),
            Map.entry("#accountId", "accountId"));
    static final List<ExecutionStatus> FAILURES = List.of(ExecutionStatus.FAILED, ExecutionStatus.PARTIAL,
            ExecutionStatus.TIMEOUT);
    private static final ItemMapper<Execution> EXECUTIONS = new ItemMapper<>(Execution.class);
    private static final ItemMapper<RegionStatus> REGION_STATUSES = new ItemMapper<>(RegionStatus.class);

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
        LocalDate today = LocalDate.ofInstant(Instant.now(context.clock()), ZoneOffset.UTC);
        LocalDate firstDay = today.minusDays(COUNT_WINDOW_DAYS);
        Map<ExecutionStatus, CompletableFuture<List<Execution>>> active = new EnumMap<>(ExecutionStatus.class);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            if (status.isActive()) {
                active.put(status, DashboardReads.async(
                        () -> ExecutionViews.activeIn(context, status, ExecutionViews.MAX_ACTIVE)));
            }
        }
        CompletableFuture<Map<ExecutionStatus, Long>> finishedCounts = DashboardReads.async(
                () -> context.stores().executionCounts().countsBetween(firstDay, today));
        List<CompletableFuture<List<Execution>>> failurePages = FAILURES.stream()
                .map(status -> DashboardReads.async(() -> newestListViews(status))).toList();
        CompletableFuture<Integer> groupCount = DashboardReads.async(() -> context.stores().protectionGroups().count());
        CompletableFuture<Integer> planCount = DashboardReads.async(
                () -> context.reads().countAll(context.table(Table.RECOVERY_PLANS)));
        CompletableFuture<List<TargetAccount>> accounts = DashboardReads.async(
                () -> context.stores().targetAccounts().listAll());
        CompletableFuture<List<RegionStatus>> regionStatuses = DashboardReads.async(
                () -> context.reads().scanAll(context.table(Table.REGION_STATUS)).stream()
                        .map(REGION_STATUSES::fromItem).toList());

        List<Execution> activeExecutions = new ArrayList<>();
        active.values().forEach(status -> activeExecutions.addAll(DashboardReads.join(status)));
        List<Execution> shownActive = activeExecutions.subList(0,
                Math.min(ExecutionViews.MAX_ACTIVE, activeExecutions.size()));
        // A day can sum below zero only before the backfill ran (a delete uncounting an execution that finished before
        // the counts existed); a negative number is never shown.
        Map<ExecutionStatus, Long> finished = DashboardReads.join(finishedCounts);
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (ExecutionStatus status : ExecutionStatus.values()) {
            byStatus.put(status.wireName(), status.isActive()
                    ? shownActive.stream().filter(e -> status.wireName().equals(e.status())).count()
                    : Math.max(0L, finished.getOrDefault(status, 0L)));
        }
        List<Execution> failures = new ArrayList<>();
        failurePages.forEach(page -> failures.addAll(DashboardReads.join(page)));
        failures.sort(Comparator.comparing((Execution e) -> e.startTime() == null ? "" : e.startTime()).reversed());
        List<TargetAccount> targetAccounts = DashboardReads.join(accounts);
        RegionSummary summary = RegionSummary.of(targetAccounts.size(),
                registered(targetAccounts, DashboardReads.join(regionStatuses)));

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("protectionGroupCount", DashboardReads.join(groupCount));
        out.put("recoveryPlanCount", DashboardReads.join(planCount));
        out.put("targetAccountCount", summary.targetAccounts());
        out.put("executionCountsByStatus", byStatus);
        out.put("countsSince", firstDay.atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        out.put("executionCountsCapped", List.of());
        out.put("activeExecutions", ExecutionViews.listItems(shownActive));
        out.put("recentExecutions", ExecutionViews.listItems(failures.subList(0, Math.min(RECENT, failures.size()))));
        out.put("regionStatusSummary", summary.summary());
        out.put("capacityWarnings", summary.warnings());
        out.put("generatedAt", Instant.now(context.clock()).toString());
        return out;
    }

    /** The newest {@value #RECENT} executions of a status, with only the attributes of their list view. */
    private List<Execution> newestListViews(ExecutionStatus status) {
        return context.reads().newestProjected(context.table(Table.EXECUTION_HISTORY), STATUS_INDEX, BY_STATUS,
                LIST_VIEW, Map.of(":status", AttributeValue.builder().s(status.wireName()).build()), RECENT)
                .stream().map(EXECUTIONS::fromItem).toList();
    }

    /** The hub's and the registered target accounts' region statuses, by account (hub first) and then by region. */
    private List<RegionStatus> registered(List<TargetAccount> accounts, List<RegionStatus> statuses) {
        List<String> ids = new ArrayList<>();
        Optional.ofNullable(context.hubAccountId()).ifPresent(ids::add);
        accounts.stream().map(TargetAccount::accountId).filter(id -> !ids.contains(id)).forEach(ids::add);
        return statuses.stream().filter(s -> ids.contains(s.accountId()))
                .sorted(Comparator.comparingInt((RegionStatus s) -> ids.indexOf(s.accountId()))
                        .thenComparing(RegionStatus::region, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
    }
}
