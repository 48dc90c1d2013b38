package dev.drsorchestrator.datamanagement.groups;

import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.model.Claim;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.store.ClaimStore;
import dev.drsorchestrator.shared.store.ProtectionGroupStore;
import java.util.Collection;
import java.util.Optional;

/**
 * Names the owner of a server before a write, so that the 409 reads "server s-… is already in protection group
 * 'Databases' (id)". The store's claims in the write transaction stay the authority when two writers race.
 */
public final class ServerOwnership {
    private final ClaimStore claims;
    private final ProtectionGroupStore groups;

    /** Ownership read from the claims table. */
    public ServerOwnership(ClaimStore claims, ProtectionGroupStore groups) {
        this.claims = claims;
        this.groups = groups;
    }

    /** 409 naming the server and its group when one of {@code serverIds} belongs to a group other than {@code self}. */
    public void requireFree(Collection<String> serverIds, String self) {
        for (String serverId : serverIds) {
            Optional<Claim> claim = claims.get(Claim.groupServerKey(serverId));
            if (claim.isPresent() && !claim.get().ownerId().equals(self)) {
                String owner = claim.get().ownerId();
                String name = groups.get(owner).map(ProtectionGroup::groupName).orElse("(deleted)");
                throw new ConflictException("Server " + serverId + " is already assigned to protection group '" + name
                        + "' (" + owner + ")");
            }
        }
    }
}
