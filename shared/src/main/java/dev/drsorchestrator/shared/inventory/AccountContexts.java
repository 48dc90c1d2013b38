package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.gateway.AccountContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which identity EC2 enrichment uses in a server's origin account: the registered account's own identity when the
 * origin is a registered account, otherwise the configured default role of the origin account.
 */
final class AccountContexts implements Function<String, AccountContext> {
    private final Map<String, AccountContext> known = new HashMap<>();

    AccountContexts(List<InventoryAccount> accounts) {
        accounts.forEach(a -> known.put(a.accountId(), a.context()));
    }

    @Override
    public AccountContext apply(String accountId) {
        AccountContext context = known.get(accountId);
        return context != null ? context : AccountContext.target(accountId, null, null);
    }
}
