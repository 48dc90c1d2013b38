package dev.drsorchestrator.shared.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A set of DRS source servers recovered together, chosen by tag selectors or explicit ids, in one target account and
 * region, with launch defaults and per-server overrides. {@code version} is the optimistic-locking counter the store
 * maintains; the store also writes {@code nameLower} (the {@code NameIndex} key) from {@code groupName}.
 *
 * @param groupId             key
 * @param groupName           unique name (case-insensitive, see {@code naming/NameRules})
 * @param description         free text
 * @param region              DRS region of the servers
 * @param accountId           target account
 * @param assumeRoleName      role assumed in the target account
 * @param owner               owning user
 * @param serverSelectionTags tag selectors (all must match)
 * @param sourceServerIds     explicitly selected servers (each claimed by at most one group)
 * @param launchConfig        launch defaults
 * @param servers             per-server overrides
 * @param createdDate         creation time, epoch seconds (wire field)
 * @param lastModifiedDate    last change, epoch seconds (wire field)
 * @param createdBy           creator
 * @param createdAt           creation time
 * @param updatedBy           last editor
 * @param updatedAt           last change
 * @param version             optimistic-locking version, 1 after create
 */
public record ProtectionGroup(
        String groupId,
        String groupName,
        String description,
        String region,
        String accountId,
        String assumeRoleName,
        String owner,
        Map<String, String> serverSelectionTags,
        List<String> sourceServerIds,
        LaunchConfig launchConfig,
        List<ServerLaunchConfig> servers,
        Long createdDate,
        Long lastModifiedDate,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        Long version) {

    /** Copies the collections. */
    public ProtectionGroup {
        serverSelectionTags = Copies.map(serverSelectionTags);
        sourceServerIds = Copies.list(sourceServerIds);
        servers = Copies.list(servers);
    }

    /** The explicit server ids, empty when none. */
    public List<String> explicitServerIds() {
        return sourceServerIds == null ? List.of() : sourceServerIds;
    }

    /** This group with another version. */
    public ProtectionGroup withVersion(long newVersion) {
        return new ProtectionGroup(groupId, groupName, description, region, accountId, assumeRoleName, owner,
                serverSelectionTags, sourceServerIds, launchConfig, servers, createdDate, lastModifiedDate, createdBy,
                createdAt, updatedBy, updatedAt, newVersion);
    }
}
