package dev.drsorchestrator.query.plans;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.ExecutionViews;
import dev.drsorchestrator.query.support.Pages;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.Views;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Pagination;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.RecoveryInstance;
import dev.drsorchestrator.shared.model.RecoveryPlan;
import dev.drsorchestrator.shared.model.Wave;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Recovery-plan reads: the filtered list (with the server-conflict flag the frontend shows before a start), one plan,
 * and the recovery instances a new run of the plan would meet.
 */
public final class PlanQueries {
    private final QueryContext context;

    private PlanQueries(QueryContext context) {
        this.context = context;
    }

    /** The operations of this group. */
    public static List<Operation> operations(QueryContext context) {
        PlanQueries plans = new PlanQueries(context);
        return List.of(
                Operation.of("list_recovery_plans", Permission.RECOVERY_PLANS_READ, plans::list,
                        Route.get("/recovery-plans")),
                Operation.of("get_recovery_plan", Permission.RECOVERY_PLANS_READ, plans::get,
                        Route.get("/recovery-plans/{id}")),
                Operation.of("check_existing_recovery_instances", Permission.RECOVERY_PLANS_READ,
                        plans::existingInstances, Route.get("/recovery-plans/{id}/check-existing-instances")));
    }

    Object list(OperationRequest request) {
        Optional<String> accountId = request.parameter("accountId").filter(v -> !v.isBlank())
                .map(v -> Validators.accountId("accountId", v.trim()));
        Optional<String> name = request.parameter("name").filter(v -> !v.isBlank())
                .map(v -> Validators.text("name", v.trim(), Validators.NAME_MAX).toLowerCase(Locale.ROOT));
        Optional<String> nameExact = request.parameter("nameExact").filter(v -> !v.isBlank())
                .map(v -> Validators.text("nameExact", v.trim(), Validators.NAME_MAX));
        Optional<String> status = Params.token(request, "status").map(s -> s.toUpperCase(Locale.ROOT));
        Optional<Boolean> hasConflict = Params.bool(request, "hasConflict");
        String query = String.join("|", "list_recovery_plans", accountId.orElse(""), name.orElse(""),
                nameExact.orElse(""), status.orElse(""), hasConflict.map(String::valueOf).orElse(""));
        Pagination.Page page = context.pagination().read(request, query);
        Map<String, String> busy = busyServers(ExecutionViews.active(context));
        List<ObjectNode> all = new ArrayList<>();
        context.stores().recoveryPlans().listAll().stream()
                .filter(p -> accountId.isEmpty() || accountId.get().equals(p.accountId()))
                .filter(p -> name.isEmpty() || (p.planName() != null
                        && p.planName().toLowerCase(Locale.ROOT).contains(name.get())))
                .filter(p -> nameExact.isEmpty() || nameExact.get().equalsIgnoreCase(p.planName()))
                .filter(p -> status.isEmpty() || status.get().equalsIgnoreCase(p.lastExecutionStatus()))
                .sorted(Comparator.comparing((RecoveryPlan p) -> p.planName() == null ? ""
                        : p.planName().toLowerCase(Locale.ROOT)).thenComparing(RecoveryPlan::planId))
                .forEach(p -> all.add(view(p, busy)));
        List<ObjectNode> filtered = hasConflict.isEmpty() ? all : all.stream()
                .filter(v -> v.path("hasServerConflict").asBoolean() == hasConflict.get()).toList();
        Pages.Slice<ObjectNode> slice = Pages.slice(filtered, page, context.pagination(), query);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("recoveryPlans", slice.items());
        out.put("count", slice.items().size());
        out.put("totalCount", filtered.size());
        out.put("nextToken", slice.nextToken());
        return out;
    }

    Object get(OperationRequest request) {
        RecoveryPlan plan = context.stores().recoveryPlans().require(Params.uuid(request, "id"));
        return view(plan, busyServers(ExecutionViews.active(context)));
    }

    Object existingInstances(OperationRequest request) {
        RecoveryPlan plan = context.stores().recoveryPlans().require(Params.uuid(request, "id"));
        List<ObjectNode> instances = new ArrayList<>();
        for (String serverId : serversOf(plan)) {
            for (RecoveryInstance instance : context.stores().recoveryInstances().listBySourceServer(serverId)) {
                instances.add(Views.of(instance));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("planId", plan.planId());
        out.put("hasExistingInstances", !instances.isEmpty());
        out.put("existingInstances", instances);
        out.put("instanceCount", instances.size());
        return out;
    }

    private ObjectNode view(RecoveryPlan plan, Map<String, String> busy) {
        ObjectNode view = Views.of(plan);
        List<String> conflicts = serversOf(plan).stream().filter(busy::containsKey).toList();
        view.put("hasServerConflict", !conflicts.isEmpty());
        if (!conflicts.isEmpty()) {
            ObjectNode info = view.putObject("conflictInfo");
            info.put("executionId", busy.get(conflicts.get(0)));
            info.putPOJO("serverIds", conflicts);
            info.put("reason", "Servers are in use by an active execution");
        }
        if (plan.waves() != null && !plan.waves().isEmpty()) {
            Wave first = plan.waves().get(0);
            if (first.protectionGroupId() != null) {
                view.put("protectionGroupId", first.protectionGroupId());
            }
        }
        return view;
    }

    /** Server id → the active execution holding it. */
    static Map<String, String> busyServers(List<Execution> active) {
        Map<String, String> busy = new LinkedHashMap<>();
        for (Execution execution : active) {
            if (execution.serverIds() != null) {
                execution.serverIds().forEach(id -> busy.putIfAbsent(id, execution.executionId()));
            }
        }
        return busy;
    }

    private Set<String> serversOf(RecoveryPlan plan) {
        Set<String> servers = new LinkedHashSet<>();
        if (plan.waves() == null) {
            return servers;
        }
        for (Wave wave : plan.waves()) {
            if (wave.serverIds() != null) {
                servers.addAll(wave.serverIds());
            }
            List<String> groups = new ArrayList<>();
            if (wave.protectionGroupIds() != null) {
                groups.addAll(wave.protectionGroupIds());
            }
            if (wave.protectionGroupId() != null) {
                groups.add(wave.protectionGroupId());
            }
            for (String groupId : groups) {
                context.stores().protectionGroups().get(groupId).ifPresent(g -> {
                    if (g.sourceServerIds() != null) {
                        servers.addAll(g.sourceServerIds());
                    }
                });
            }
        }
        return servers;
    }
}
