package dev.drsorchestrator.shared.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * The tag-sync schedule and the outcome of its last run, one item with {@code configId = "tag-sync"}.
 *
 * @param configId       key, {@link #CONFIG_ID}
 * @param enabled        whether the schedule runs
 * @param intervalHours  hours between runs
 * @param lastSyncTime   ISO-8601 of the last run
 * @param lastSyncStatus outcome of the last run
 * @param lastSyncResult counts of the last run, kept as written
 * @param updatedBy      last editor
 * @param updatedAt      last change
 * @param version        optimistic-locking version
 * @param syncInstanceType whether the sync also copies each source instance's type onto its DRS launch template
 *                         (null: off)
 */
public record TagSyncSettings(
        String configId,
        Boolean enabled,
        Integer intervalHours,
        String lastSyncTime,
        String lastSyncStatus,
        JsonNode lastSyncResult,
        String updatedBy,
        Instant updatedAt,
        Long version,
        Boolean syncInstanceType) {

    /** The key of the settings item. */
    public static final String CONFIG_ID = "tag-sync";

    /** Settings without the instance-type copy (off), as they were before that setting existed. */
    public TagSyncSettings(String configId, Boolean enabled, Integer intervalHours, String lastSyncTime,
            String lastSyncStatus, JsonNode lastSyncResult, String updatedBy, Instant updatedAt, Long version) {
        this(configId, enabled, intervalHours, lastSyncTime, lastSyncStatus, lastSyncResult, updatedBy, updatedAt,
                version, null);
    }

    /** These settings with another version. */
    public TagSyncSettings withVersion(long newVersion) {
        return new TagSyncSettings(configId, enabled, intervalHours, lastSyncTime, lastSyncStatus, lastSyncResult,
                updatedBy, updatedAt, newVersion, syncInstanceType);
    }

    /** Whether the instance-type copy is on. */
    public boolean copiesInstanceType() {
        return Boolean.TRUE.equals(syncInstanceType);
    }
}
