package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.gateway.AccountContext;

/**
 * One account inventory sync queries: its id, display name and the identity its calls run under (the hub for the
 * orchestrator's own account, an AssumeRole target otherwise).
 *
 * @param accountId   12 digits
 * @param accountName display name ("Unknown" when the account has none)
 * @param context     identity for DRS and EC2 calls
 */
public record InventoryAccount(String accountId, String accountName, AccountContext context) {
}
