package dev.drsorchestrator.query.support;

import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.Optional;

/**
 * Turns an account id from a request into the identity AWS reads run under: the hub for no id or the hub's own id,
 * otherwise the registered target account reached through the cross-account role. Acting on a target account is
 * recorded on the request, so its audit record carries the account (seed 000, cross-account audit).
 */
public final class Targets {
    private final QueryContext context;

    Targets(QueryContext context) {
        this.context = context;
    }

    /** The identity for the request's {@code accountId} parameter (absent: the hub). */
    public AccountContext fromParameter(OperationRequest request, String parameter) {
        return of(request, request.parameter(parameter).filter(id -> !id.isBlank()).orElse(null));
    }

    /** The identity for {@code accountId} (null: the hub); an unregistered account is a 404. */
    public AccountContext of(OperationRequest request, String accountId) {
        if (accountId == null) {
            return AccountContext.hub();
        }
        String id = Validators.accountId("accountId", accountId.trim());
        if (id.equals(context.hubAccountId())) {
            return AccountContext.hub();
        }
        TargetAccount account = context.stores().targetAccounts().get(id)
                .orElseThrow(() -> new NotFoundException("Target account " + id + " is not registered"));
        request.auditTargetAccount(id);
        return AccountContext.target(id, roleOf(account), account.externalId());
    }

    /** The identity for a stored item's account and role name (a group's or plan's own account). */
    public AccountContext ofOwner(OperationRequest request, String accountId, String assumeRoleName) {
        if (accountId == null || accountId.isBlank() || accountId.equals(context.hubAccountId())) {
            return AccountContext.hub();
        }
        Optional<TargetAccount> account = context.stores().targetAccounts().get(accountId);
        request.auditTargetAccount(accountId);
        String role = assumeRoleName != null && !assumeRoleName.isBlank() ? assumeRoleName
                : account.map(Targets::roleOf).orElse(null);
        return AccountContext.target(accountId, role, account.map(TargetAccount::externalId).orElse(null));
    }

    /** The account id of an identity ({@code hub} resolves to the configured hub id, possibly null). */
    public String accountIdOf(AccountContext account) {
        return account instanceof AccountContext.Target target ? target.accountId() : context.hubAccountId();
    }

    static String roleOf(TargetAccount account) {
        if (account.assumeRoleName() != null && !account.assumeRoleName().isBlank()) {
            return account.assumeRoleName();
        }
        if (account.crossAccountRoleArn() != null && !account.crossAccountRoleArn().isBlank()) {
            return account.crossAccountRoleArn();
        }
        return account.roleArn();
    }
}
