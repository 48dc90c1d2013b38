package dev.drsorchestrator.execution;

import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AccountIdentities;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.gateway.SnsGateway;
import dev.drsorchestrator.shared.groups.GroupMembers;
import dev.drsorchestrator.shared.groups.TagResolver;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.notification.ExecutionNotifier;
import dev.drsorchestrator.shared.store.ExecutionStore;
import dev.drsorchestrator.shared.store.Stores;
import java.time.Clock;
import java.util.Optional;

/** The dependencies of the execution operations, built once per execution environment. */
record ExecutionServices(Stores stores, Gateways gateways, ExecutionNotifier notifier, ExecutionSettings settings,
        Clock clock, AccountIdentities accounts) {

    static ExecutionServices from(CoreServices core) {
        ExecutionSettings settings = ExecutionSettings.from(core.env());
        Gateways gateways = Gateways.from(core);
        Optional<SnsGateway> sns = settings.topicArn().isPresent()
                ? Optional.of(gateways.sns()) : Optional.empty();
        Stores stores = Stores.from(core);
        return new ExecutionServices(stores, gateways, new ExecutionNotifier(sns, settings.topicArn()),
                settings, core.clock(), new AccountIdentities(stores.targetAccounts()::get,
                settings.hubAccountId().orElse(null)));
    }

    ExecutionStore executions() {
        return stores.executions();
    }

    /** The servers of a protection group: explicit ids plus its tag selector resolved in the inventory. */
    GroupMembers members() {
        return new GroupMembers(new TagResolver(stores.inventory()));
    }

    /**
     * The hub account id: {@code AWS_ACCOUNT_ID} when configured, else asked of STS (the function's own identity),
     * where the tag selectors of groups that name no account are resolved.
     */
    String hubAccountId() {
        return settings.hubAccountId().orElseGet(() -> gateways.sts(AccountContext.hub(), gateways.homeRegion())
                .getCallerIdentity().account());
    }

    /**
     * DRS in a region of the execution's account: the hub when no account (or the hub's) is named, else the
     * registered target account with its role and ExternalId.
     */
    DrsGateway drs(String accountId, String roleName, String region) {
        return gateways.drs(accounts.of(accountId, roleName), region);
    }
}
