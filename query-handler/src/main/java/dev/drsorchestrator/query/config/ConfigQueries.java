package dev.drsorchestrator.query.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.Views;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.RecoveryPlan;
import dev.drsorchestrator.shared.model.TagSyncSettings;
import dev.drsorchestrator.shared.security.Permission;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Configuration reads: the export of every protection group and recovery plan (the portable fields an import takes
 * back, without versions or audit stamps) and the tag-sync schedule settings.
 */
public final class ConfigQueries {
    /** Export format version, so an import can refuse a format it does not know. */
    static final String EXPORT_VERSION = "1.0";
    /** Interval when tag sync was never configured. */
    static final int DEFAULT_INTERVAL_HOURS = 4;
    static final List<String> NON_PORTABLE = List.of("version", "createdBy", "createdAt", "updatedBy", "updatedAt",
            "createdDate", "lastModifiedDate", "lastExecutionId", "lastExecutionStatus", "lastStartTime",
            "lastEndTime", "snsSubscriptionArn");

    private final QueryContext context;

    private ConfigQueries(QueryContext context) {
        this.context = context;
    }

    /** The operations of this group. */
    public static List<Operation> operations(QueryContext context) {
        ConfigQueries config = new ConfigQueries(context);
        return List.of(
                Operation.of("export_configuration", Permission.CONFIG_READ, config::export,
                        Route.get("/config/export")),
                Operation.of("get_tag_sync_settings", Permission.CONFIG_READ, config::tagSyncSettings,
                        Route.get("/config/tag-sync")));
    }

    Object export(OperationRequest request) {
        List<ProtectionGroup> groups = context.stores().protectionGroups().listAll().stream()
                .sorted(Comparator.comparing(ProtectionGroup::groupId)).toList();
        List<RecoveryPlan> plans = context.stores().recoveryPlans().listAll().stream()
                .sorted(Comparator.comparing(RecoveryPlan::planId)).toList();
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("schemaVersion", EXPORT_VERSION);
        metadata.put("exportedAt", Instant.now(context.clock()).toString());
        metadata.put("sourceRegion", context.gateways().homeRegion());
        Optional.ofNullable(context.hubAccountId()).ifPresent(id -> metadata.put("sourceAccount", id));
        metadata.put("protectionGroupCount", groups.size());
        metadata.put("recoveryPlanCount", plans.size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("metadata", metadata);
        out.put("protectionGroups", groups.stream().map(ConfigQueries::portable).toList());
        out.put("recoveryPlans", plans.stream().map(plan -> {
            ObjectNode view = portable(plan);
            view.putArray("protectionGroupNames").addAll(groupNames(plan, groups));
            return view;
        }).toList());
        return out;
    }

    Object tagSyncSettings(OperationRequest request) {
        Optional<TagSyncSettings> stored = context.stores().tagSyncConfig().get();
        int hours = stored.map(TagSyncSettings::intervalHours).orElse(DEFAULT_INTERVAL_HOURS);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", stored.map(TagSyncSettings::enabled).orElse(false));
        out.put("intervalHours", hours);
        out.put("syncInstanceType", stored.map(TagSyncSettings::copiesInstanceType).orElse(false));
        out.put("scheduleExpression", hours == 1 ? "rate(1 hour)" : "rate(" + hours + " hours)");
        out.put("lastModified", stored.map(TagSyncSettings::updatedAt).map(Instant::toString).orElse(null));
        out.put("message", stored.isPresent() ? "Tag sync settings" : "Tag sync has not been configured");
        return out;
    }

    private static ObjectNode portable(Object item) {
        ObjectNode view = Views.of(item);
        view.remove(NON_PORTABLE);
        return view;
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode groupNames(RecoveryPlan plan,
            List<ProtectionGroup> groups) {
        com.fasterxml.jackson.databind.node.ArrayNode names = Views.object().arrayNode();
        if (plan.waves() == null) {
            return names;
        }
        plan.waves().forEach(wave -> {
            java.util.List<String> ids = new java.util.ArrayList<>();
            if (wave.protectionGroupId() != null) {
                ids.add(wave.protectionGroupId());
            }
            if (wave.protectionGroupIds() != null) {
                ids.addAll(wave.protectionGroupIds());
            }
            ids.forEach(id -> groups.stream().filter(g -> g.groupId().equals(id)).findFirst()
                    .ifPresent(g -> names.add(g.groupName())));
        });
        return names;
    }
}
