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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code get_dashboard_data}: what an operator watching recoveries needs on one screen, in one call with bounded work:
 * counts, active executions, the most recent failures, region reachability and capacity warnings from the last
 * inventory sync.
 *
 * <p>Bounded work: active executions are read from {@code StatusIndex} (at most {@link ExecutionViews#MAX_ACTIVE})
 * and their counts come from that list; finished executions are counted over the last {@value #COUNT_WINDOW_DAYS}
 * days with {@code Select=COUNT} on the keys-only {@code StatusCountIndex}, at most {@value #COUNT_CAP} per status
 * (a status at the cap is listed in {@code executionCountsCapped}: "100 or more"); the independent reads run
 * concurrently ({@link DashboardReads}), so the latency is that of the slowest read rather than the sum.
 */
public final class DashboardQuery {
    /** Most recent failures shown. */
    static final int RECENT = 10;
    /** Finished executions counted by status: those started in this many days, so the work does not grow with history. */
    static final int COUNT_WINDOW_DAYS = 30;
    /** Most finished executions counted per status; the work of one call stays bounded however long the history. */
    static final int COUNT_CAP = 100;
    static final String COUNT_INDEX = "StatusCountIndex";
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
        String since = Instant.now(context.clock()).minus(Duration.ofDays(COUNT_WINDOW_DAYS)).toString();
        Map<ExecutionStatus, CompletableFuture<Integer>> finishedCounts = new EnumMap<>(ExecutionStatus.class);
        for (ExecutionStatus status : ExecutionStatus.values()) {
            if (!status.isActive()) {
                finishedCounts.put(status, DashboardReads.async(() -> countSince(status, since)));
            }
        }
        CompletableFuture<List<Execution>> active = DashboardReads.async(() -> ExecutionViews.active(context));
        List<CompletableFuture<List<Execution>>> failurePages = FAILURES.stream()
                .map(status -> DashboardReads.async(() -> context.stores().executions()
                        .listByStatus(status, RECENT, Optional.empty()).items()))
                .toList();
        CompletableFuture<Integer> groupCount = DashboardReads.async(() -> context.stores().protectionGroups().count());
        CompletableFuture<Integer> planCount = DashboardReads.async(
                () -> context.stores().recoveryPlans().listAll().size());
        CompletableFuture<RegionSummary> regions = DashboardReads.async(
                () -> context.stores().targetAccounts().listAll())
                .thenCompose(accounts -> regionSummary(accounts));

        List<Execution> activeExecutions = DashboardReads.join(active);
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        List<String> capped = new ArrayList<>();
        for (ExecutionStatus status : ExecutionStatus.values()) {
            int count = status.isActive()
                    ? (int) activeExecutions.stream().filter(e -> status.wireName().equals(e.status())).count()
                    : DashboardReads.join(finishedCounts.get(status));
            byStatus.put(status.wireName(), count);
            if (!status.isActive() && count >= COUNT_CAP) {
                capped.add(status.wireName());
            }
        }
        List<Execution> failures = new ArrayList<>();
        failurePages.forEach(page -> failures.addAll(DashboardReads.join(page)));
        failures.sort(Comparator.comparing((Execution e) -> e.startTime() == null ? "" : e.startTime()).reversed());
        RegionSummary summary = DashboardReads.join(regions);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("protectionGroupCount", DashboardReads.join(groupCount));
        out.put("recoveryPlanCount", DashboardReads.join(planCount));
        out.put("targetAccountCount", summary.targetAccounts());
        out.put("executionCountsByStatus", byStatus);
        out.put("countsSince", since);
        out.put("executionCountsCapped", capped);
        out.put("countCap", COUNT_CAP);
        out.put("activeExecutions", ExecutionViews.listItems(activeExecutions));
        out.put("recentExecutions", ExecutionViews.listItems(failures.subList(0, Math.min(RECENT, failures.size()))));
        out.put("regionStatusSummary", summary.summary());
        out.put("capacityWarnings", summary.warnings());
        out.put("generatedAt", Instant.now(context.clock()).toString());
        return out;
    }

    private int countSince(ExecutionStatus status, String since) {
        return context.reads().countUpTo(context.table(Table.EXECUTION_HISTORY), COUNT_INDEX, BY_STATUS_SINCE,
                Map.of("#status", "status", "#startTime", "startTime"),
                Map.of(":status", AttributeValue.builder().s(status.wireName()).build(),
                        ":since", AttributeValue.builder().s(since).build()), COUNT_CAP);
    }

    private CompletableFuture<RegionSummary> regionSummary(List<TargetAccount> accounts) {
        Set<String> ids = new LinkedHashSet<>();
        Optional.ofNullable(context.hubAccountId()).ifPresent(ids::add);
        accounts.forEach(a -> ids.add(a.accountId()));
        List<CompletableFuture<List<RegionStatus>>> perAccount = ids.stream()
                .map(id -> DashboardReads.async(() -> context.stores().regionStatuses().listByAccount(id)))
                .toList();
        return CompletableFuture.allOf(perAccount.toArray(CompletableFuture[]::new)).thenApply(done -> {
            List<RegionStatus> statuses = new ArrayList<>();
            perAccount.forEach(f -> statuses.addAll(f.join()));
            return RegionSummary.of(accounts.size(), statuses);
        });
    }
}
