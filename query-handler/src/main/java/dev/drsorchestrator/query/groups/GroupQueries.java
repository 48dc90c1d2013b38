package dev.drsorchestrator.query.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.Pages;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.Views;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.SourceServerQuery;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Pagination;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Protection-group reads: the list (projections, paginated) and one group with its servers resolved against live
 * DRS, so an operator sees the replication state that a recovery would actually meet.
 */
public final class GroupQueries {
    private final QueryContext context;

    private GroupQueries(QueryContext context) {
        this.context = context;
    }

    /** The operations of this group. */
    public static List<Operation> operations(QueryContext context) {
        GroupQueries groups = new GroupQueries(context);
        LaunchConfigQueries launch = new LaunchConfigQueries(context);
        return List.of(
                Operation.of("list_protection_groups", Permission.PROTECTION_GROUPS_READ, groups::list,
                        Route.get("/protection-groups")),
                Operation.of("get_protection_group", Permission.PROTECTION_GROUPS_READ, groups::get,
                        Route.get("/protection-groups/{id}")),
                Operation.of("get_launch_config_status", Permission.CONFIG_READ, launch::status,
                        Route.get("/protection-groups/{id}/launch-config-status")),
                Operation.of("get_server_launch_config", Permission.CONFIG_READ, launch::serverConfig,
                        Route.get("/protection-groups/{id}/servers/{serverId}/launch-config")));
    }

    Object list(OperationRequest request) {
        Optional<String> accountId = request.parameter("accountId").filter(v -> !v.isBlank())
                .map(v -> Validators.accountId("accountId", v.trim()));
        String query = "list_protection_groups|" + accountId.orElse("");
        Pagination.Page page = context.pagination().read(request, query);
        List<ProtectionGroup> all = context.stores().protectionGroups().listAll().stream()
                .filter(g -> accountId.isEmpty() || accountId.get().equals(g.accountId()))
                .sorted(Comparator.comparing((ProtectionGroup g) -> lower(g.groupName()))
                        .thenComparing(ProtectionGroup::groupId))
                .toList();
        Pages.Slice<ProtectionGroup> slice = Pages.slice(all, page, context.pagination(), query);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("groups", slice.items().stream().map(GroupQueries::summary).toList());
        out.put("count", slice.items().size());
        out.put("totalCount", all.size());
        out.put("nextToken", slice.nextToken());
        return out;
    }

    Object get(OperationRequest request) {
        String id = Params.uuid(request, "id");
        ProtectionGroup group = context.stores().protectionGroups().require(id);
        ObjectNode view = summary(group);
        List<String> ids = group.sourceServerIds() == null ? List.of() : group.sourceServerIds();
        List<JsonNode> resolved = List.of();
        if (!ids.isEmpty() && group.region() != null) {
            AccountContext account = context.targets().ofOwner(request, group.accountId(), group.assumeRoleName());
            resolved = context.gateways().drs(account, group.region()).describeSourceServers(SourceServerQuery.ids(ids));
        }
        view.set("resolvedServers", dev.drsorchestrator.shared.json.Json.mapper().createArrayNode().addAll(resolved));
        view.put("resolvedServerCount", resolved.size());
        return view;
    }

    static ObjectNode summary(ProtectionGroup group) {
        ObjectNode view = Views.of(group);
        view.put("protectionGroupId", group.groupId());
        view.put("serverCount", group.sourceServerIds() == null ? 0 : group.sourceServerIds().size());
        return view;
    }

    private static String lower(String name) {
        return name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
    }
}
