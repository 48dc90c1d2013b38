package dev.drsorchestrator.datamanagement.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.datamanagement.groups.ProtectionGroupOperations;
import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.datamanagement.plans.RecoveryPlanOperations;
import dev.drsorchestrator.datamanagement.plans.WaveInput;
import dev.drsorchestrator.shared.error.ClientErrorException;
import dev.drsorchestrator.shared.error.QuotaExceededException;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.RecoveryPlan;
import dev.drsorchestrator.shared.naming.NameRules;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.store.ProtectionGroupStore;
import dev.drsorchestrator.shared.store.RecoveryPlanStore;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * import_configuration: takes the manifest export_configuration produces, validates all of it before writing
 * anything (a bad item is a 400 naming its path), skips groups and plans whose name already exists, and with
 * {@code dryRun} only reports what would happen. A real import that fails part-way deletes what it had created and
 * answers {@code success: false} with the reason, so it never half-applies silently.
 */
public final class ImportOperations {
    private static final Logger LOG = LoggerFactory.getLogger(ImportOperations.class);
    private static final int MAX_PLANS = 500;

    private final ProtectionGroupStore groups;
    private final RecoveryPlanStore plans;
    private final WaveInput waves;
    private final Optional<String> hubAccountId;
    private final Clock clock;

    /** The operation over the group and plan stores. */
    public ImportOperations(ProtectionGroupStore groups, RecoveryPlanStore plans, WaveInput waves,
            Optional<String> hubAccountId, Clock clock) {
        this.groups = groups;
        this.plans = plans;
        this.waves = waves;
        this.hubAccountId = hubAccountId;
        this.clock = clock;
    }

    /** The operation with its wire name, permission and route. */
    public List<Operation> operations() {
        return List.of(Operation.of("import_configuration", Permission.CONFIG_WRITE, this::importConfiguration,
                Route.post("/config/import")));
    }

    Map<String, Object> importConfiguration(OperationRequest request) {
        RequestFields body = RequestFields.of(request);
        boolean dryRun = body.bool("dryRun").orElse(false);
        String correlationId = body.text("correlationId", 128).orElse(UUID.randomUUID().toString());
        JsonNode config = body.node("config");
        if (config == null || !config.isObject()) {
            throw new ValidationException("Field 'config' is required: the manifest export_configuration produced");
        }
        JsonNode metadata = config.get("metadata");
        if (metadata == null || !metadata.isObject() || !metadata.path("schemaVersion").isTextual()) {
            throw new ValidationException("Field 'config.metadata.schemaVersion' is required");
        }
        Plan plan = plan(array(config, "protectionGroups", ProtectionGroupOperations.MAX_GROUPS),
                array(config, "recoveryPlans", MAX_PLANS), RequestFields.actor(request), clock.instant());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("success", true);
        out.put("dryRun", dryRun);
        out.put("correlationId", correlationId);
        List<Map<String, Object>> created = new ArrayList<>();
        List<Map<String, Object>> failed = new ArrayList<>();
        if (dryRun) {
            plan.groups().forEach(g -> created.add(entry("protectionGroup", g.groupName(), "would_create", null)));
            plan.plans().forEach(p -> created.add(entry("recoveryPlan", p.planName(), "would_create", null)));
        } else {
            apply(plan, created, failed);
            out.put("success", failed.isEmpty());
        }
        out.put("summary", summary(plan, created, failed));
        out.put("created", created);
        out.put("skipped", plan.skipped());
        out.put("failed", failed);
        return out;
    }

    private Plan plan(List<JsonNode> groupItems, List<JsonNode> planItems, String actor, Instant now) {
        Map<String, String> nameToId = new HashMap<>();
        groups.listAll().forEach(g -> nameToId.put(NameRules.uniquenessKey(g.groupName()), g.groupId()));
        int existingGroups = nameToId.size();
        Map<String, String> exportedIdToName = new HashMap<>();
        groupItems.forEach(item -> {
            if (item.path("groupId").isTextual() && item.path("groupName").isTextual()) {
                exportedIdToName.put(item.get("groupId").asText(), item.get("groupName").asText());
            }
        });
        List<ProtectionGroup> newGroups = new ArrayList<>();
        Map<String, ProtectionGroup> pending = new LinkedHashMap<>();
        List<Map<String, Object>> skipped = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < groupItems.size(); i++) {
            String path = "config.protectionGroups[" + i + "]";
            ObjectNode fields = ManifestReader.group(path, groupItems.get(i));
            ProtectionGroup draft = within(path, () -> ProtectionGroupOperations.draft(
                    RequestFields.nested(path, fields), hubAccountId, actor, now));
            String key = NameRules.uniquenessKey(draft.groupName());
            if (!seen.add(key)) {
                throw new ValidationException("Field '" + path + ".groupName' repeats '" + draft.groupName()
                        + "' within the manifest");
            }
            if (nameToId.containsKey(key)) {
                skipped.add(entry("protectionGroup", draft.groupName(), "skipped", "a protection group with this name"
                        + " already exists"));
                continue;
            }
            nameToId.put(key, draft.groupId());
            pending.put(draft.groupId(), draft);
            newGroups.add(draft);
        }
        if (existingGroups + newGroups.size() > ProtectionGroupOperations.MAX_GROUPS) {
            throw new QuotaExceededException("Protection group quota exceeded (max: "
                    + ProtectionGroupOperations.MAX_GROUPS + "): the import would create " + newGroups.size()
                    + " group(s) next to " + existingGroups);
        }
        java.util.Set<String> existingPlans = new java.util.HashSet<>();
        plans.listAll().forEach(p -> existingPlans.add(NameRules.uniquenessKey(p.planName())));
        List<RecoveryPlan> newPlans = new ArrayList<>();
        seen.clear();
        for (int i = 0; i < planItems.size(); i++) {
            String path = "config.recoveryPlans[" + i + "]";
            JsonNode item = planItems.get(i);
            ObjectNode fields = within(path, () -> ManifestReader.plan(path, item, exportedIdToName, nameToId));
            RequestFields plan = RequestFields.nested(path, fields);
            String name = within(path, () -> Validators.name("planName", plan.string("planName").orElse(null),
                    RecoveryPlanOperations.NAME_MAX));
            String key = NameRules.uniquenessKey(name);
            if (!seen.add(key)) {
                throw new ValidationException("Field '" + path + ".planName' repeats '" + name + "' within the manifest");
            }
            if (existingPlans.contains(key)) {
                skipped.add(entry("recoveryPlan", name, "skipped", "a recovery plan with this name already exists"));
                continue;
            }
            var planWaves = within(path, () -> waves.read(fields.get("waves"), pending));
            String accountId = within(path, () -> plan.string("accountId")
                    .map(id -> Validators.accountId("accountId", id)).or(() -> hubAccountId).orElse(null));
            newPlans.add(new RecoveryPlan(UUID.randomUUID().toString(), name,
                    within(path, () -> plan.text("description", Validators.DESCRIPTION_MAX).orElse(null)), planWaves,
                    accountId, within(path, () -> plan.text("assumeRoleName", 64).orElse(null)),
                    within(path, () -> plan.text("notificationEmail", 254).orElse(null)), null, null, null, null,
                    null, now.getEpochSecond(), now.getEpochSecond(), actor, now, actor, now, null));
        }
        return new Plan(newGroups, newPlans, skipped);
    }

    private void apply(Plan plan, List<Map<String, Object>> created, List<Map<String, Object>> failed) {
        List<ProtectionGroup> doneGroups = new ArrayList<>();
        List<RecoveryPlan> donePlans = new ArrayList<>();
        String current = null;
        String currentType = "protectionGroup";
        try {
            for (ProtectionGroup group : plan.groups()) {
                current = group.groupName();
                doneGroups.add(groups.create(group));
                created.add(entry("protectionGroup", group.groupName(), "created", null));
            }
            currentType = "recoveryPlan";
            for (RecoveryPlan recoveryPlan : plan.plans()) {
                current = recoveryPlan.planName();
                donePlans.add(plans.create(recoveryPlan));
                created.add(entry("recoveryPlan", recoveryPlan.planName(), "created", null));
            }
        } catch (ClientErrorException rejected) {
            failed.add(entry(currentType, current, "failed", rejected.getMessage()));
            rollBack(doneGroups, donePlans, created);
        }
    }

    private void rollBack(List<ProtectionGroup> doneGroups, List<RecoveryPlan> donePlans,
            List<Map<String, Object>> created) {
        for (RecoveryPlan p : donePlans) {
            try {
                plans.delete(p.planId(), p.version());
            } catch (RuntimeException e) {
                LOG.error("Import rollback could not delete recovery plan {}", p.planId(), e);
            }
        }
        for (ProtectionGroup g : doneGroups) {
            try {
                groups.delete(g.groupId(), g.version());
            } catch (RuntimeException e) {
                LOG.error("Import rollback could not delete protection group {}", g.groupId(), e);
            }
        }
        created.replaceAll(e -> {
            Map<String, Object> rolled = new LinkedHashMap<>(e);
            rolled.put("status", "rolled_back");
            rolled.put("reason", "the import failed later and was undone");
            return rolled;
        });
    }

    private static Map<String, Object> summary(Plan plan, List<Map<String, Object>> created,
            List<Map<String, Object>> failed) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String type : List.of("protectionGroup", "recoveryPlan")) {
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("created", created.stream().filter(e -> type.equals(e.get("type"))
                    && !"rolled_back".equals(e.get("status"))).count());
            counts.put("skipped", plan.skipped().stream().filter(e -> type.equals(e.get("type"))).count());
            counts.put("failed", failed.stream().filter(e -> type.equals(e.get("type"))).count());
            out.put(type + "s", counts);
        }
        return out;
    }

    private static Map<String, Object> entry(String type, String name, String status, String reason) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("type", type);
        out.put("name", name);
        out.put("status", status);
        if (reason != null) {
            out.put("reason", reason);
        }
        return out;
    }

    private static List<JsonNode> array(JsonNode config, String field, int max) {
        JsonNode node = config.get(field);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw new ValidationException("Field 'config." + field + "' must be a list");
        }
        if (node.size() > max) {
            throw new ValidationException("Field 'config." + field + "' must hold at most " + max + " items");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    private static <T> T within(String path, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ValidationException e) {
            String message = e.getMessage();
            if (message != null && message.startsWith("Field '" + path)) {
                throw e;
            }
            throw new ValidationException(message != null && message.startsWith("Field '")
                    ? "Field '" + path + "." + message.substring("Field '".length()) : "Field '" + path + "': " + message);
        }
    }

    private record Plan(List<ProtectionGroup> groups, List<RecoveryPlan> plans, List<Map<String, Object>> skipped) {
    }
}
