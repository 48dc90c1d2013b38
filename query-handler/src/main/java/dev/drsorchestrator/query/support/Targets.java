package dev.drsorchestrator.query.support;

import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AccountIdentities;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.validation.Validators;

/**
 * Turns an account id from a request into the identity AWS reads run under: the hub for no id or the hub's own id,
 * otherwise the registered target account reached through the cross-account role. Acting on a target account is
 * recorded on the request, so its audit record carries the account (seed 000, cross-account audit).
 */
public final class Targets {
    private final QueryContext context;
    private final AccountIdentities identities;

    Targets(QueryContext context) {
        this.context = context;
        this.identities = new AccountIdentities(context.stores().targetAccounts()::get, context.hubAccountId());
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
        if (identities.isHub(id)) {
            return AccountContext.hub();
        }
        TargetAccount account = context.stores().targetAccounts().get(id)
                .orElseThrow(() -> new NotFoundException("Target account " + id + " is not registered"));
        AccountContext identity = AccountIdentities.of(account);
        if (identity instanceof AccountContext.Target) {
            request.auditTargetAccount(id);
        }
        return identity;
    }

    /** The identity for a stored item's account and role name (a group's or plan's own account). */
    public AccountContext ofOwner(OperationRequest request, String accountId, String assumeRoleName) {
        AccountContext identity = identities.of(accountId, assumeRoleName);
        if (identity instanceof AccountContext.Target target) {
            request.auditTargetAccount(target.accountId());
        }
        return identity;
    }

    /** The account id of an identity ({@code hub} resolves to the configured hub id, possibly null). */
    public String accountIdOf(AccountContext account) {
        return account instanceof AccountContext.Target target ? target.accountId() : context.hubAccountId();
    }
}
