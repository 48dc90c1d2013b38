package dev.drsorchestrator.shared.groups;

import dev.drsorchestrator.shared.model.ProtectionGroup;
import java.util.LinkedHashSet;
import java.util.Set;

/** The servers of a group: its explicit ids, then what its tag selector matches in the inventory of its region. */
public final class GroupMembers {
    private final TagResolver tags;

    /** Members resolved through {@code tags}. */
    public GroupMembers(TagResolver tags) {
        this.tags = tags;
    }

    /** Every source server id of the group, explicit ones first; a group without an account resolves no tags. */
    public Set<String> of(ProtectionGroup group) {
        return of(group, null);
    }

    /**
     * Every source server id of the group, explicit ones first, resolving the tag selector of a group that names no
     * account in {@code defaultAccountId} (the hub); with a null default such a group resolves no tags.
     */
    public Set<String> of(ProtectionGroup group, String defaultAccountId) {
        Set<String> ids = new LinkedHashSet<>(group.explicitServerIds());
        String account = group.accountId() != null && !group.accountId().isBlank() ? group.accountId()
                : defaultAccountId;
        if (hasSelector(group) && account != null) {
            tags.resolve(account, group.region(), group.serverSelectionTags())
                    .forEach(server -> ids.add(server.sourceServerId()));
        }
        return ids;
    }

    /** Whether the group selects servers by tag. */
    public static boolean hasSelector(ProtectionGroup group) {
        return group.serverSelectionTags() != null && !group.serverSelectionTags().isEmpty();
    }
}
