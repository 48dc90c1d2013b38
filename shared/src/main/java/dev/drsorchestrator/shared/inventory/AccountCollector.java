package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AccountIdentities;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed unit 2, {@code collect_accounts_to_query}: the registered target accounts (staging accounts are not queried;
 * they are the staging sync's business), in account-id order so both pipelines see the same sequence.
 */
public final class AccountCollector {
    private static final Logger LOG = LoggerFactory.getLogger(AccountCollector.class);

    private final TargetAccountStore accounts;

    /** A collector over the target-accounts table. */
    public AccountCollector(TargetAccountStore accounts) {
        this.accounts = accounts;
    }

    /** Every target account with the identity to reach it; a table failure propagates (the sync cannot start). */
    public List<InventoryAccount> collect() {
        List<InventoryAccount> out = new ArrayList<>();
        for (TargetAccount account : accounts.listAll()) {
            out.add(new InventoryAccount(account.accountId(),
                    account.accountName() == null || account.accountName().isBlank() ? "Unknown"
                            : account.accountName(),
                    AccountIdentities.of(account), stagingContexts(account)));
        }
        out.sort(Comparator.comparing(InventoryAccount::accountId));
        LOG.info("Collected {} target accounts", out.size());
        return List.copyOf(out);
    }

    /** The identities of the account's staging accounts: each one's own role and ExternalId. */
    static List<AccountContext> stagingContexts(TargetAccount account) {
        List<AccountContext> out = new ArrayList<>();
        if (account.stagingAccounts() != null) {
            account.stagingAccounts().stream().filter(s -> s.accountId() != null && !s.accountId().isBlank())
                    .forEach(s -> out.add(AccountContext.target(s.accountId(), s.roleArn(), s.externalId())));
        }
        return out;
    }
}
