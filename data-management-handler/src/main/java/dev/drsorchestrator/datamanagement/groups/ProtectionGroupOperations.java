package dev.drsorchestrator.datamanagement.groups;

import dev.drsorchestrator.datamanagement.input.ExpectedVersion;
import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.datamanagement.launch.LaunchConfigInput;
import dev.drsorchestrator.datamanagement.launch.ServerOverrideInput;
import dev.drsorchestrator.shared.error.QuotaExceededException;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.OperationResult;
import dev.drsorchestrator.shared.groups.TagResolver;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.shared.model.LaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.ServerLaunchConfig;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.store.ProtectionGroupStore;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Create, update and delete protection groups, and preview what a tag selector matches. Input is copied field by
 * field; the name rule, server-id format and the 100-group quota are checked here, uniqueness of names and servers
 * by the store's claims in the same transaction as the write.
 */
public final class ProtectionGroupOperations {
    /** Seed 000's quota. */
    public static final int MAX_GROUPS = 100;
    private static final int MAX_EXPLICIT_SERVERS = ServerOverrideInput.MAX_SERVERS;

    private final ProtectionGroupStore groups;
    private final GroupUsage usage;
    private final TagResolver tags;
    private final ServerOwnership ownership;
    private final Optional<String> hubAccountId;
    private final Clock clock;

    /** The operations over their stores; {@code hubAccountId} is the default account of a group. */
    public ProtectionGroupOperations(ProtectionGroupStore groups, GroupUsage usage, TagResolver tags,
            ServerOwnership ownership, Optional<String> hubAccountId, Clock clock) {
        this.groups = groups;
        this.usage = usage;
        this.tags = tags;
        this.ownership = ownership;
        this.hubAccountId = hubAccountId;
        this.clock = clock;
    }

    /** The operations with their wire names, permissions and routes. */
    public List<Operation> operations() {
        return List.of(
                Operation.of("create_protection_group", Permission.PROTECTION_GROUPS_WRITE, this::create,
                        Route.post("/protection-groups")),
                Operation.of("update_protection_group", Permission.PROTECTION_GROUPS_WRITE, this::update,
                        Route.put("/protection-groups/{id}")),
                Operation.of("delete_protection_group", Permission.PROTECTION_GROUPS_WRITE, this::delete,
                        Route.delete("/protection-groups/{id}")),
                Operation.of("resolve_protection_group_tags", Permission.SERVERS_READ, this::resolve,
                        Route.post("/protection-groups/resolve")));
    }

    OperationResult create(OperationRequest request) {
        RequestFields body = RequestFields.of(request);
        if (body.has("version")) {
            throw new ValidationException("Field 'version' is managed by the server and cannot be set on create");
        }
        ProtectionGroup group = draft(body, hubAccountId, RequestFields.actor(request), clock.instant());
        if (groups.count() >= MAX_GROUPS) {
            throw new QuotaExceededException("Protection group quota exceeded (max: " + MAX_GROUPS + ")");
        }
        if (group.accountId() != null) {
            request.auditTargetAccount(group.accountId());
        }
        ownership.requireFree(group.explicitServerIds(), group.groupId());
        return OperationResult.created(groups.create(group));
    }

    /**
     * A new group (no version yet) from the allow-listed fields of a create body or an imported item: name rule,
     * region, account, selection (explicit ids and/or tags, at least one), launch defaults and overrides.
     */
    public static ProtectionGroup draft(RequestFields body, Optional<String> hubAccountId, String actor,
            Instant now) {
        String name = GroupNames.validate("groupName", body.string("groupName").orElse(null));
        String region = Validators.region("region", body.string("region").orElse(null));
        String accountId = body.string("accountId").map(id -> Validators.accountId("accountId", id))
                .or(() -> hubAccountId).orElse(null);
        Selection selection = selection(body);
        return new ProtectionGroup(UUID.randomUUID().toString(), name,
                body.text("description", Validators.DESCRIPTION_MAX).orElse(null), region, accountId,
                body.text("assumeRoleName", 64).orElse(null),
                body.text("owner", Validators.NAME_MAX).orElse(actor), selection.tags(), selection.serverIds(),
                selection.launchConfig(), selection.servers(), now.getEpochSecond(), now.getEpochSecond(), actor, now,
                actor, now, null);
    }

    ProtectionGroup update(OperationRequest request) {
        String groupId = RequestFields.targetId(request, "groupId");
        RequestFields body = RequestFields.addressing(request, "groupId", groupId);
        ProtectionGroup current = groups.require(groupId);
        long expected = body.version().orElse(current.version());
        if (body.has("region") && !body.string("region").orElse("").equals(current.region())) {
            throw new ValidationException("Field 'region' cannot be changed; create a new group in the other region");
        }
        if (body.has("accountId") && !body.string("accountId").orElse("").equals(current.accountId())) {
            throw new ValidationException("Field 'accountId' cannot be changed; create a new group in that account");
        }
        String name = body.has("groupName") ? GroupNames.validate("groupName", body.string("groupName").orElse(null))
                : current.groupName();
        Selection selection = new Selection(
                body.has("serverSelectionTags") ? body.tags("serverSelectionTags").orElseThrow()
                        : current.serverSelectionTags(),
                body.has("sourceServerIds") ? serverIds(body) : current.sourceServerIds(),
                body.has("launchConfig") ? launchConfig(body) : current.launchConfig(),
                body.has("servers") ? servers(body) : current.servers());
        selection.requireSomething();
        String actor = RequestFields.actor(request);
        Instant now = clock.instant();
        ProtectionGroup changed = new ProtectionGroup(groupId, name,
                body.has("description") ? body.text("description", Validators.DESCRIPTION_MAX).orElse(null)
                        : current.description(),
                current.region(), current.accountId(), current.assumeRoleName(), current.owner(), selection.tags(),
                selection.serverIds(), selection.launchConfig(), selection.servers(), current.createdDate(),
                now.getEpochSecond(), current.createdBy(), current.createdAt(), actor, now, null);
        if (current.accountId() != null) {
            request.auditTargetAccount(current.accountId());
        }
        ownership.requireFree(changed.explicitServerIds(), groupId);
        return groups.update(changed, expected);
    }

    Map<String, Object> delete(OperationRequest request) {
        String groupId = RequestFields.targetId(request, "groupId");
        RequestFields.addressing(request, "groupId", groupId);
        ProtectionGroup current = groups.require(groupId);
        long expected = ExpectedVersion.resolve(request, current.version());
        usage.requireUnused(groupId, current.groupName());
        groups.delete(groupId, expected);
        return Map.of("message", "Protection group '" + current.groupName() + "' deleted");
    }

    Map<String, Object> resolve(OperationRequest request) {
        RequestFields body = RequestFields.of(request);
        String region = Validators.region("region", body.string("region").orElse(null));
        Map<String, String> selector = body.tags("tags").orElse(Map.of());
        if (selector.isEmpty()) {
            throw new ValidationException("Field 'tags' must hold at least one tag to match");
        }
        String accountId = body.string("accountId").map(id -> Validators.accountId("accountId", id))
                .or(() -> hubAccountId)
                .orElseThrow(() -> new ValidationException("Field 'accountId' is required (no hub account configured)"));
        List<InventoryServer> matches = tags.resolve(accountId, region, selector);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", region);
        out.put("tags", selector);
        out.put("resolvedServers", matches.stream().map(ProtectionGroupOperations::summary).toList());
        out.put("serverCount", matches.size());
        out.put("resolvedAt", clock.instant().getEpochSecond());
        return out;
    }

    private static Map<String, Object> summary(InventoryServer server) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sourceServerID", server.sourceServerId());
        out.put("hostname", server.hostname());
        out.put("nameTag", server.nameTag());
        out.put("sourceInstanceId", server.sourceInstanceId());
        out.put("sourceIp", server.sourceIp());
        out.put("replicationState", server.replicationState());
        out.put("tags", server.tags());
        return out;
    }

    private static Selection selection(RequestFields body) {
        Selection selection = new Selection(body.tags("serverSelectionTags").orElse(Map.of()), serverIds(body),
                launchConfig(body), servers(body));
        selection.requireSomething();
        return selection;
    }

    private static List<String> serverIds(RequestFields body) {
        List<String> ids = body.stringList("sourceServerIds", MAX_EXPLICIT_SERVERS).orElse(List.of());
        for (String id : ids) {
            if (!id.matches("s-[0-9a-f]{17}")) {
                throw new ValidationException("Field 'sourceServerIds' has an invalid server ID format: " + id);
            }
        }
        if (ids.stream().distinct().count() != ids.size()) {
            throw new ValidationException("Field 'sourceServerIds': Duplicate server IDs detected");
        }
        return ids;
    }

    private static LaunchConfig launchConfig(RequestFields body) {
        return body.object("launchConfig").map(fields -> LaunchConfigInput.read("launchConfig", fields)).orElse(null);
    }

    private static List<ServerLaunchConfig> servers(RequestFields body) {
        return ServerOverrideInput.readAll("servers", body.array("servers", ServerOverrideInput.MAX_SERVERS)
                .orElse(List.of()));
    }

    private record Selection(Map<String, String> tags, List<String> serverIds, LaunchConfig launchConfig,
            List<ServerLaunchConfig> servers) {
        void requireSomething() {
            if ((tags == null || tags.isEmpty()) && (serverIds == null || serverIds.isEmpty())) {
                throw new ValidationException("Field 'sourceServerIds' or 'serverSelectionTags': At least one server"
                        + " ID or tag is required");
            }
        }
    }
}
