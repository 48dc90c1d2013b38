package dev.drsorchestrator.query.drs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.Pages;
import dev.drsorchestrator.query.support.Params;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.Views;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.SourceServerQuery;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Pagination;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Live DRS source-server reads: the servers of an account in a region, marked with the protection group that already
 * holds each (a server belongs to one group at most), and the tag resolution the state machine asks for at wave start.
 */
final class DrsServerQueries {
    private final QueryContext context;

    DrsServerQueries(QueryContext context) {
        this.context = context;
    }

    Object sourceServers(OperationRequest request) {
        String region = Params.region(request);
        Optional<String> current = Params.optionalUuid(request, "currentProtectionGroupId");
        Optional<String> onlyGroup = Params.optionalUuid(request, "filterByProtectionGroup");
        String accountParam = request.parameter("accountId").filter(v -> !v.isBlank()).orElse("");
        String query = String.join("|", "get_drs_source_servers", region, accountParam, current.orElse(""),
                onlyGroup.orElse(""));
        Pagination.Page page = context.pagination().read(request, query);
        AccountContext account = context.targets().fromParameter(request, "accountId");
        Map<String, ProtectionGroup> owners = new HashMap<>();
        for (ProtectionGroup group : context.stores().protectionGroups().listAll()) {
            if (group.sourceServerIds() != null) {
                group.sourceServerIds().forEach(id -> owners.putIfAbsent(id, group));
            }
        }
        List<ObjectNode> servers = new ArrayList<>();
        for (JsonNode server : context.gateways().drs(account, region).describeSourceServers(SourceServerQuery.all())) {
            ObjectNode view = ((ObjectNode) server).deepCopy();
            String id = view.path("sourceServerID").asText();
            ProtectionGroup owner = owners.get(id);
            if (onlyGroup.isPresent() && (owner == null || !onlyGroup.get().equals(owner.groupId()))) {
                continue;
            }
            if (owner != null) {
                ObjectNode assigned = view.putObject("assignedToProtectionGroup");
                assigned.put("protectionGroupId", owner.groupId());
                assigned.put("protectionGroupName", owner.groupName());
            }
            view.put("selectable", owner == null || current.map(owner.groupId()::equals).orElse(false));
            view.put("region", region);
            servers.add(view);
        }
        Pages.Slice<ObjectNode> slice = Pages.slice(servers, page, context.pagination(), query);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("servers", slice.items());
        out.put("serverCount", slice.items().size());
        out.put("totalCount", servers.size());
        out.put("region", region);
        out.put("nextToken", slice.nextToken());
        return out;
    }

    Object serversByTags(OperationRequest request) {
        String region = Validators.region("region", request.bodyString("region").orElse(null));
        JsonNode tagsNode = request.bodyObject().get("tags");
        if (tagsNode == null || !tagsNode.isObject() || tagsNode.isEmpty()) {
            throw new ValidationException("Field 'tags' must be a non-empty object of tag keys to values");
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tagsNode.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new ValidationException("Field 'tags." + e.getKey() + "' must be a string");
            }
            tags.put(e.getKey(), e.getValue().asText());
        });
        Validators.tags("tags", tags);
        JsonNode accountNode = request.bodyObject().path("accountContext").path("accountId");
        String accountId = accountNode.isTextual() && !accountNode.asText().isBlank() ? accountNode.asText() : null;
        AccountContext account = context.targets().of(request, accountId);
        List<String> ids = new ArrayList<>();
        for (JsonNode server : context.gateways().drs(account, region).describeSourceServers(SourceServerQuery.all())) {
            Map<String, String> serverTags = Json.mapper().convertValue(server.path("tags"),
                    Json.mapper().getTypeFactory().constructMapType(Map.class, String.class, String.class));
            if (serverTags != null && tags.entrySet().stream()
                    .allMatch(t -> t.getValue().equals(serverTags.get(t.getKey())))) {
                ids.add(server.path("sourceServerID").asText());
            }
        }
        ObjectNode out = Views.object();
        out.putPOJO("serverIds", ids);
        out.put("count", ids.size());
        out.put("region", region);
        return out;
    }
}
