package dev.drsorchestrator.query.accounts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.query.support.QueryContext;
import dev.drsorchestrator.query.support.Views;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.StsGateway;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.StagingAccount;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Account reads: the hub's own identity, the registered target accounts (a short list, answered whole as the
 * original's array), one target with its staging accounts, and the staging accounts DRS reports for a target.
 */
public final class AccountQueries {
    private final QueryContext context;

    private AccountQueries(QueryContext context) {
        this.context = context;
    }

    /** The operations of this group. */
    public static List<Operation> operations(QueryContext context) {
        AccountQueries accounts = new AccountQueries(context);
        AccountCapacityQueries capacity = new AccountCapacityQueries(context);
        return List.of(
                Operation.of("get_current_account_info", Permission.ACCOUNTS_READ, accounts::currentAccount,
                        Route.get("/accounts/current")),
                Operation.of("get_current_account_id", Permission.ACCOUNTS_READ, accounts::currentAccountId),
                Operation.of("get_target_accounts", Permission.ACCOUNTS_READ, accounts::targets,
                        Route.get("/drs/accounts")),
                Operation.of("list_target_accounts", Permission.ACCOUNTS_READ, accounts::targets,
                        Route.get("/accounts/targets")),
                Operation.of("get_target_account", Permission.ACCOUNTS_READ, accounts::target,
                        Route.get("/accounts/targets/{id}")),
                Operation.of("get_staging_accounts", Permission.ACCOUNTS_READ, accounts::stagingAccounts),
                Operation.of("discover_staging_accounts", Permission.ACCOUNTS_READ, accounts::discoverStaging,
                        Route.get("/accounts/targets/{id}/staging-accounts/discover")),
                Operation.of("get_combined_capacity", Permission.ACCOUNTS_READ, capacity::combined,
                        Route.get("/accounts/targets/{id}/capacity")),
                Operation.of("get_all_accounts_capacity", Permission.ACCOUNTS_READ, capacity::all,
                        Route.get("/accounts/capacity/all")));
    }

    Object currentAccount(OperationRequest request) {
        String accountId = hubIdentity().account();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accountId", accountId);
        out.put("accountName", context.stores().targetAccounts().get(accountId).map(TargetAccount::accountName)
                .filter(name -> name != null && !name.isBlank()).orElse(accountId));
        out.put("isCurrentAccount", true);
        return out;
    }

    Object currentAccountId(OperationRequest request) {
        return Map.of("accountId", hubIdentity().account());
    }

    Object targets(OperationRequest request) {
        String hub = context.hubAccountId();
        return context.stores().targetAccounts().listAll().stream()
                .sorted(Comparator.comparing(TargetAccount::accountId))
                .map(account -> view(account, hub)).toList();
    }

    Object target(OperationRequest request) {
        String id = Validators.accountId("id", request.pathParameter("id"));
        return view(context.stores().targetAccounts().require(id), context.hubAccountId());
    }

    Object stagingAccounts(OperationRequest request) {
        String id = Validators.accountId("targetAccountId", request.parameter("targetAccountId").orElse(null));
        TargetAccount account = context.stores().targetAccounts().require(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("targetAccountId", id);
        out.put("stagingAccounts", staging(account).stream().map(Views::of).toList());
        return out;
    }

    Object discoverStaging(OperationRequest request) {
        String id = Validators.accountId("id", request.pathParameter("id"));
        TargetAccount account = context.stores().targetAccounts().require(id);
        AccountContext target = context.targets().of(request, id);
        String region = context.gateways().homeRegion();
        Set<String> known = staging(account).stream().map(StagingAccount::accountId).collect(Collectors.toSet());
        List<ObjectNode> found = context.gateways().drs(target, region).listStagingAccounts().stream().sorted()
                .map(stagingId -> {
                    ObjectNode view = Views.object();
                    view.put("accountId", stagingId);
                    view.put("alreadyAdded", known.contains(stagingId));
                    view.put("region", region);
                    return view;
                }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("targetAccountId", id);
        out.put("stagingAccounts", found);
        out.put("message", found.isEmpty() ? "DRS reports no staging accounts for " + id + " in " + region
                : found.size() + " staging account(s) replicate into " + id + " in " + region);
        return out;
    }

    static List<StagingAccount> staging(TargetAccount account) {
        return account.stagingAccounts() == null ? List.of() : account.stagingAccounts();
    }

    private StsGateway.CallerIdentity hubIdentity() {
        return context.gateways().sts(AccountContext.hub(), context.gateways().homeRegion()).getCallerIdentity();
    }

    static ObjectNode view(TargetAccount account, String hubAccountId) {
        ObjectNode view = Views.of(account);
        view.remove("version");
        view.put("isCurrentAccount", Boolean.TRUE.equals(account.isCurrentAccount())
                || account.accountId().equals(hubAccountId));
        if (!view.has("status")) {
            view.put("status", "active");
        }
        return view;
    }
}
