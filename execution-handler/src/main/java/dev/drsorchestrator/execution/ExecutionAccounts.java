package dev.drsorchestrator.execution;

import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.model.TargetAccount;
import java.util.Optional;
import java.util.function.Function;

/**
 * The identity an execution's DRS calls run under: the hub for no account or the hub's own id, otherwise the
 * registered target account through its cross-account role with the ExternalId stored on it. Without the stored
 * ExternalId a role whose trust policy requires one (every role {@code cfn/cross-account-role.yaml} creates) refuses
 * the AssumeRole, so no drill could reach a target account.
 */
final class ExecutionAccounts {
    private final Function<String, Optional<TargetAccount>> registered;
    private final String hubAccountId;

    /** Accounts looked up in {@code registered}; {@code hubAccountId} may be null when not configured. */
    ExecutionAccounts(Function<String, Optional<TargetAccount>> registered, String hubAccountId) {
        this.registered = registered;
        this.hubAccountId = hubAccountId;
    }

    /** The identity for {@code accountId} with {@code roleName} (null: the account's registered role). */
    AccountContext of(String accountId, String roleName) {
        if (accountId == null || accountId.isBlank() || accountId.equals(hubAccountId)) {
            return AccountContext.hub();
        }
        Optional<TargetAccount> account = registered.apply(accountId);
        String role = roleName != null && !roleName.isBlank() ? roleName
                : account.map(ExecutionAccounts::roleOf).orElse(null);
        return AccountContext.target(accountId, role, account.map(TargetAccount::externalId).orElse(null));
    }

    private static String roleOf(TargetAccount account) {
        if (account.assumeRoleName() != null && !account.assumeRoleName().isBlank()) {
            return account.assumeRoleName();
        }
        if (account.crossAccountRoleArn() != null && !account.crossAccountRoleArn().isBlank()) {
            return account.crossAccountRoleArn();
        }
        return account.roleArn();
    }
}
