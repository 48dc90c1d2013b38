package dev.drsorchestrator.datamanagement.input;

import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import java.util.Optional;

/**
 * Turns an account id into the context the gateways call it with: the hub account as itself, a registered target
 * account with its stored role and external id, any other account through the configured default role.
 */
public final class AccountContexts {
    private final TargetAccountStore accounts;
    private final Optional<String> hubAccountId;

    /** Contexts resolved against the registered accounts; {@code hubAccountId} is {@code AWS_ACCOUNT_ID}. */
    public AccountContexts(TargetAccountStore accounts, Optional<String> hubAccountId) {
        this.accounts = accounts;
        this.hubAccountId = hubAccountId;
    }

    /** The context of {@code accountId}; null or the hub's id is the hub. */
    public AccountContext of(String accountId) {
        if (accountId == null || accountId.isBlank() || hubAccountId.filter(accountId::equals).isPresent()) {
            return AccountContext.hub();
        }
        Optional<TargetAccount> registered = accounts.get(accountId);
        if (registered.isEmpty()) {
            return AccountContext.target(accountId, null, null);
        }
        return of(registered.get());
    }

    /** The context of a registered account. */
    public static AccountContext of(TargetAccount account) {
        if (Boolean.TRUE.equals(account.isCurrentAccount())) {
            return AccountContext.hub();
        }
        String role = firstNonBlank(account.roleArn(), account.crossAccountRoleArn(), account.assumeRoleName());
        return AccountContext.target(account.accountId(), role, account.externalId());
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }
}
