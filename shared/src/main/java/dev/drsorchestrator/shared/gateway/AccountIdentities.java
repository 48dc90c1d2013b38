package dev.drsorchestrator.shared.gateway;

import dev.drsorchestrator.shared.model.TargetAccount;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one rule for the identity AWS calls in an account run under, shared by every handler so a drill, a query and a
 * launch-settings change in the same account always assume the same role with the same ExternalId:
 * <ul>
 *   <li>no account, the hub's own id, or a registered account marked as the current one: the hub's own credentials;
 *   <li>a registered target account: its role ({@code roleArn}, else the {@code crossAccountRoleArn} alias, else
 *       {@code assumeRoleName}) with its stored ExternalId, which a role created by {@code cfn/cross-account-role.yaml}
 *       requires; a role named by the caller (a group's or plan's own) replaces the role but keeps the ExternalId;
 *   <li>an account that is not registered: the caller's role if any, else the configured default role, and the
 *       configured default ExternalId.
 * </ul>
 *
 * <pre>{@code
 * AccountIdentities identities = new AccountIdentities(stores.targetAccounts()::get, env.optional("AWS_ACCOUNT_ID").orElse(null));
 * DrsGateway drs = gateways.drs(identities.of(group.accountId(), group.assumeRoleName()), group.region());
 * }</pre>
 */
public final class AccountIdentities {
    private final Function<String, Optional<TargetAccount>> registered;
    private final String hubAccountId;

    /**
     * Identities resolved against the registered accounts.
     *
     * @param registered   the registered account of an id, if any
     * @param hubAccountId the account the orchestrator runs in ({@code AWS_ACCOUNT_ID}); null when not configured
     */
    public AccountIdentities(Function<String, Optional<TargetAccount>> registered, String hubAccountId) {
        this.registered = registered;
        this.hubAccountId = hubAccountId == null || hubAccountId.isBlank() ? null : hubAccountId;
    }

    /** Whether {@code accountId} means the hub without a lookup: none given, or the configured hub id. */
    public boolean isHub(String accountId) {
        return accountId == null || accountId.isBlank() || accountId.equals(hubAccountId);
    }

    /**
     * The identity for {@code accountId}.
     *
     * @param roleOverride a role name or ARN the caller's own item names (null or blank: the account's registered role)
     */
    public AccountContext of(String accountId, String roleOverride) {
        if (isHub(accountId)) {
            return AccountContext.hub();
        }
        Optional<TargetAccount> account = registered.apply(accountId);
        if (account.map(a -> Boolean.TRUE.equals(a.isCurrentAccount())).orElse(false)) {
            return AccountContext.hub();
        }
        String role = notBlank(roleOverride) ? roleOverride : account.map(AccountIdentities::roleOf).orElse(null);
        return AccountContext.target(accountId, role, account.map(TargetAccount::externalId).orElse(null));
    }

    /** The identity of a registered account, with its own role and ExternalId. */
    public static AccountContext of(TargetAccount account) {
        if (Boolean.TRUE.equals(account.isCurrentAccount())) {
            return AccountContext.hub();
        }
        return AccountContext.target(account.accountId(), roleOf(account), account.externalId());
    }

    /** The registered role: {@code roleArn}, else {@code crossAccountRoleArn}, else {@code assumeRoleName}; or null. */
    public static String roleOf(TargetAccount account) {
        if (notBlank(account.roleArn())) {
            return account.roleArn();
        }
        if (notBlank(account.crossAccountRoleArn())) {
            return account.crossAccountRoleArn();
        }
        return notBlank(account.assumeRoleName()) ? account.assumeRoleName() : null;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
