package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.gateway.AccountContext;
import java.util.List;

/**
 * One account inventory sync queries: its id, display name and the identity its calls run under (the hub for the
 * orchestrator's own account, an AssumeRole target otherwise), plus the identities of its staging accounts, where
 * the source EC2 instances of extended servers live and EC2 enrichment must reach them with their own role and
 * ExternalId.
 *
 * @param accountId   12 digits
 * @param accountName display name ("Unknown" when the account has none)
 * @param context     identity for DRS and EC2 calls
 * @param staging     identities of the account's registered staging accounts (may be empty)
 */
public record InventoryAccount(String accountId, String accountName, AccountContext context,
        List<AccountContext> staging) {

    /** Copies the staging identities. */
    public InventoryAccount {
        staging = staging == null ? List.of() : List.copyOf(staging);
    }

    /** An account without staging accounts. */
    public InventoryAccount(String accountId, String accountName, AccountContext context) {
        this(accountId, accountName, context, List.of());
    }
}
