package dev.drsorchestrator.datamanagement.tagsync;

import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.TagSyncSettings;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.store.TagSyncConfigStore;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * update_tag_sync_settings: enable or disable the scheduled tag sync and set its interval (1-24 hours). The rule is
 * changed first; the settings are stored only when EventBridge accepted the change, and if storing then loses a
 * concurrent update the rule is put back to the stored settings, so rule and settings never disagree silently.
 */
public final class TagSyncSettingsOperations {
    /** Interval used when the client gives none and nothing is stored. */
    public static final int DEFAULT_INTERVAL_HOURS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(TagSyncSettingsOperations.class);
    private static final String DESCRIPTION = "DRS Orchestrator: copy EC2 tags to DRS source servers";

    private final TagSyncConfigStore store;
    private final RuleScheduler scheduler;
    private final String ruleName;
    private final Clock clock;

    /** The operation over the settings store and the rule {@code ruleName}. */
    public TagSyncSettingsOperations(TagSyncConfigStore store, RuleScheduler scheduler, String ruleName, Clock clock) {
        this.store = store;
        this.scheduler = scheduler;
        this.ruleName = ruleName;
        this.clock = clock;
    }

    /** The operation with its wire name, permission and route. */
    public List<Operation> operations() {
        return List.of(Operation.of("update_tag_sync_settings", Permission.CONFIG_WRITE, this::update,
                Route.put("/config/tag-sync")));
    }

    Map<String, Object> update(OperationRequest request) {
        RequestFields body = RequestFields.of(request);
        Boolean enabled = body.bool("enabled").orElseThrow(() ->
                new ValidationException("Field 'enabled' is required (true or false)"));
        Optional<TagSyncSettings> current = store.get();
        int interval = body.integer("intervalHours", 1, 24)
                .orElse(current.map(TagSyncSettings::intervalHours).orElse(DEFAULT_INTERVAL_HOURS));
        boolean copyInstanceType = body.bool("syncInstanceType")
                .orElse(current.map(TagSyncSettings::copiesInstanceType).orElse(false));
        Optional<Long> expected = body.version().or(() -> current.map(TagSyncSettings::version));
        apply(enabled, interval);
        Instant now = clock.instant();
        TagSyncSettings next = new TagSyncSettings(TagSyncSettings.CONFIG_ID, enabled, interval,
                current.map(TagSyncSettings::lastSyncTime).orElse(null),
                current.map(TagSyncSettings::lastSyncStatus).orElse(null),
                current.map(TagSyncSettings::lastSyncResult).orElse(null), RequestFields.actor(request), now, null,
                copyInstanceType);
        TagSyncSettings stored;
        try {
            stored = store.save(next, expected);
        } catch (RuntimeException lost) {
            restore(current);
            throw lost;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", stored.enabled());
        out.put("intervalHours", stored.intervalHours());
        out.put("syncInstanceType", stored.copiesInstanceType());
        out.put("scheduleExpression", RuleScheduler.rate(stored.intervalHours()));
        out.put("ruleName", ruleName);
        out.put("lastModified", now.toString());
        out.put("version", stored.version());
        out.put("message", enabled ? "Tag sync runs every " + interval + " hour(s)" : "Tag sync is disabled");
        return out;
    }

    private void apply(boolean enabled, int interval) {
        if (enabled) {
            scheduler.schedule(ruleName, interval, DESCRIPTION);
        } else {
            scheduler.disable(ruleName);
        }
    }

    private void restore(Optional<TagSyncSettings> previous) {
        try {
            TagSyncSettings stored = store.get().or(() -> previous).orElse(null);
            if (stored == null) {
                scheduler.disable(ruleName);
            } else {
                apply(Boolean.TRUE.equals(stored.enabled()), stored.intervalHours());
            }
        } catch (RuntimeException e) {
            LOG.error("Tag-sync rule {} could not be restored to the stored settings", ruleName, e);
        }
    }
}
