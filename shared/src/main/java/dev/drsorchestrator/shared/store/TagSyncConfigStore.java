package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.model.TagSyncSettings;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The tag-sync settings item ({@code configId = "tag-sync"}), with optimistic locking like every editable item. */
public final class TagSyncConfigStore {
    private final VersionedTable<TagSyncSettings> table;

    /** A store over {@code tableName}. */
    public TagSyncConfigStore(Supplier<DynamoDbClient> dynamoDb, String tableName) {
        this.table = new VersionedTable<>(dynamoDb, new Versioned<>(tableName, "configId",
                new ItemMapper<>(TagSyncSettings.class), TagSyncSettings::withVersion, s -> Map.of()),
                "Tag sync settings", "configId", TagSyncSettings::configId, TagSyncSettings::version);
    }

    /** The settings, absent until first saved. */
    public Optional<TagSyncSettings> get() {
        return table.get(TagSyncSettings.CONFIG_ID);
    }

    /**
     * Saves the settings: creates them when {@code expectedVersion} is empty (409 if they exist), otherwise replaces
     * that version (409 if it changed). Returns the stored settings.
     */
    public TagSyncSettings save(TagSyncSettings settings, Optional<Long> expectedVersion) {
        TagSyncSettings keyed = new TagSyncSettings(TagSyncSettings.CONFIG_ID, settings.enabled(),
                settings.intervalHours(), settings.lastSyncTime(), settings.lastSyncStatus(), settings.lastSyncResult(),
                settings.updatedBy(), settings.updatedAt(), settings.version(), settings.syncInstanceType());
        return expectedVersion.isEmpty() ? table.create(keyed) : table.update(keyed, expectedVersion.get());
    }
}
