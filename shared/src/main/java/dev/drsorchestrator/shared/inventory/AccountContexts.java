package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.gateway.AccountContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which identity EC2 enrichment uses in a server's origin account: the registered account's own identity when the
 * origin is a registered target account, else the registered role and ExternalId of the staging account it is (a
 * role whose trust policy requires an ExternalId refuses an AssumeRole without it), otherwise the configured default
 * role of the origin account.
 */
final class AccountContexts implements Function<String, AccountContext> {
    private final Map<String, AccountContext> known = new HashMap<>();

    AccountContexts(List<InventoryAccount> accounts) {
        accounts.forEach(a -> known.put(a.accountId(), a.context()));
        accounts.forEach(a -> a.staging().forEach(s -> {
            if (s instanceof AccountContext.Target staging) {
                known.putIfAbsent(staging.accountId(), staging);
            }
        }));
    }

    @Override
    public AccountContext apply(String accountId) {
        AccountContext context = known.get(accountId);
        return context != null ? context : AccountContext.target(accountId, null, null);
    }
}
