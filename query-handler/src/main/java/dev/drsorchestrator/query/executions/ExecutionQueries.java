package dev.drsorchestrator.query.executions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.ExecutionViews;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.TableReads;
import dev.drsorchestrator.query.support.Views;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.execution.ExecutionStatus;
import dev.drsorchestrator.shared.execution.WaveProgress;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Pagination;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.store.ItemMapper;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Execution reads: the paginated list (by status or plan through their indexes) and one execution with every wave's
 * progress computed by the shared {@link WaveProgress} rule, so the page and the state machine agree.
 */
public final class ExecutionQueries {
    static final String STATUS_INDEX = "StatusIndex";
    static final String PLAN_INDEX = "PlanIndex";
    static final String BY_STATUS = "#status = :status";
    static final String BY_PLAN = "#planId = :planId";
    static final String STATUS_FILTER = "#status = :status";
    static final ItemMapper<Execution> MAPPER = new ItemMapper<>(Execution.class);

    private final QueryContext context;

    private ExecutionQueries(QueryContext context) {
        this.context = context;
    }

    /** The operations of this group. */
    public static List<Operation> operations(QueryContext context) {
        ExecutionQueries executions = new ExecutionQueries(context);
        ExecutionDrsQueries drs = new ExecutionDrsQueries(context);
        return List.of(
                Operation.of("list_executions", Permission.EXECUTIONS_READ, executions::list,
                        Route.get("/executions")),
                Operation.of("get_execution", Permission.EXECUTIONS_READ, executions::get,
                        Route.get("/executions/{id}")),
                Operation.of("get_recovery_instances", Permission.EXECUTIONS_READ, drs::recoveryInstances,
                        Route.get("/executions/{id}/recovery-instances")),
                Operation.of("get_job_log_items", Permission.EXECUTIONS_READ, drs::jobLogs,
                        Route.get("/executions/{id}/job-logs")),
                Operation.of("get_termination_job_status", Permission.EXECUTIONS_READ, drs::terminationStatus,
                        Route.get("/executions/{id}/termination-status")));
    }

    Object list(OperationRequest request) {
        Optional<ExecutionStatus> status = Params.token(request, "status").map(s -> ExecutionStatus
                .fromWire(s.toUpperCase(Locale.ROOT)).orElseThrow(() -> new ValidationException(
                        "Field 'status' must be one of " + List.of(ExecutionStatus.values()))));
        Optional<String> planId = Params.optionalUuid(request, "planId");
        Optional<String> accountId = request.parameter("accountId").filter(v -> !v.isBlank())
                .map(v -> Validators.accountId("accountId", v.trim()));
        String query = String.join("|", "list_executions", status.map(Enum::name).orElse(""), planId.orElse(""),
                accountId.orElse(""));
        Pagination.Page page = context.pagination().read(request, query);
        String table = context.table(Table.EXECUTION_HISTORY);
        TableReads.ItemPage items;
        if (planId.isPresent()) {
            Map<String, String> names = new LinkedHashMap<>(Map.of("#planId", "planId"));
            Map<String, AttributeValue> values = new LinkedHashMap<>(Map.of(":planId", s(planId.get())));
            status.ifPresent(st -> {
                names.put("#status", "status");
                values.put(":status", s(st.wireName()));
            });
            items = context.reads().query(table, PLAN_INDEX, BY_PLAN, status.isPresent() ? STATUS_FILTER : null,
                    names, values, page.limit(), page.position(), true);
        } else if (status.isPresent()) {
            items = context.reads().query(table, STATUS_INDEX, BY_STATUS, null, Map.of("#status", "status"),
                    Map.of(":status", s(status.get().wireName())), page.limit(), page.position(), true);
        } else {
            items = context.reads().scan(table, page.limit(), page.position());
        }
        List<ObjectNode> views = items.items().stream().map(MAPPER::fromItem)
                .filter(e -> accountId.isEmpty() || accountId.get().equals(e.accountId()))
                .map(ExecutionViews::listItem).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", views);
        out.put("count", views.size());
        out.put("nextToken", context.pagination().nextToken(items.lastKey().orElse(null), query));
        return out;
    }

    Object get(OperationRequest request) {
        Execution execution = require(context, Params.uuid(request, "id"));
        ObjectNode view = Views.of(execution);
        view.remove("taskToken");
        view.remove("version");
        view.put("recoveryPlanId", execution.planId());
        if (execution.planName() != null) {
            view.put("recoveryPlanName", execution.planName());
        }
        view.put("executedBy", execution.initiatedBy());
        ObjectNode listItem = ExecutionViews.listItem(execution);
        if (listItem.has("duration")) {
            view.set("duration", listItem.get("duration"));
        }
        view.put("hasActiveDrsJobs", listItem.get("hasActiveDrsJobs").asBoolean());
        var waves = view.putArray("waves");
        if (execution.waves() != null) {
            execution.waves().forEach(w -> waves.add(wave(w)));
        }
        view.set("waveExecutions", waves.deepCopy());
        if (execution.totalWaves() == null) {
            view.put("totalWaves", waves.size());
        }
        return view;
    }

    static Execution require(QueryContext context, String executionId) {
        return context.stores().executions().get(executionId)
                .orElseThrow(() -> new NotFoundException("Execution " + executionId + " not found"));
    }

    static ObjectNode wave(WaveExecution wave) {
        ObjectNode view = Views.of(wave);
        int total = wave.totalServers() != null ? wave.totalServers()
                : wave.serverIds() != null ? wave.serverIds().size() : 0;
        int launched = wave.launchedCount() == null ? 0 : wave.launchedCount();
        int failed = wave.failedCount() == null ? 0 : wave.failedCount();
        if (launched + failed <= total) {
            WaveProgress progress = WaveProgress.calculate(launched, failed, total);
            ObjectNode metrics = view.putObject("progressMetrics");
            metrics.put("totalServers", total);
            metrics.put("launchedCount", launched);
            metrics.put("failedCount", failed);
            metrics.put("percentComplete", progress.percentComplete());
            metrics.put("remainingCount", progress.remainingCount());
            metrics.put("successRate", progress.successRate());
        }
        return view;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
