package dev.drsorchestrator.datamanagement.groups;

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

    /** Every source server id of the group, explicit ones first. */
    public Set<String> of(ProtectionGroup group) {
        Set<String> ids = new LinkedHashSet<>(group.explicitServerIds());
        if (group.serverSelectionTags() != null && !group.serverSelectionTags().isEmpty() && group.accountId() != null) {
            tags.resolve(group.accountId(), group.region(), group.serverSelectionTags())
                    .forEach(server -> ids.add(server.sourceServerId()));
        }
        return ids;
    }
}
