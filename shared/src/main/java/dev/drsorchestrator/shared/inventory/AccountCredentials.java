package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.aws.CrossAccount;
import dev.drsorchestrator.shared.gateway.AccountContext;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed unit 3, {@code get_account_credentials}: assumes the account's role once, up front, so a refused AssumeRole
 * skips the account with one warning instead of failing each of its regions. The credentials land in
 * {@link CrossAccount}'s cache, where every region's DRS and EC2 client of that account finds them.
 */
public final class AccountCredentials {
    private static final Logger LOG = LoggerFactory.getLogger(AccountCredentials.class);

    private final CrossAccount crossAccount;

    /** Credentials through the handler's cross-account access. */
    public AccountCredentials(CrossAccount crossAccount) {
        this.crossAccount = crossAccount;
    }

    /** The account's identity when its credentials resolve; empty (and a warning) when AssumeRole fails. */
    public Optional<AccountContext> resolve(InventoryAccount account) {
        if (!(account.context() instanceof AccountContext.Target target)) {
            return Optional.of(account.context());
        }
        String role = target.roleName() == null ? crossAccount.defaultRoleName() : target.roleName();
        try {
            crossAccount.scope(target.accountId(), role,
                    target.externalId() == null ? crossAccount.defaultExternalId() : target.externalId())
                    .provider().resolveCredentials();
            return Optional.of(target);
        } catch (RuntimeException e) {
            LOG.warn("Failed to assume role {} in account {}; skipping the account: {}", role, target.accountId(),
                    e.getClass().getSimpleName());
            return Optional.empty();
        }
    }
}
