package dev.drsorchestrator.local.runtime;

import dev.drsorchestrator.local.sim.model.AccountKind;
import dev.drsorchestrator.local.sim.model.IamRole;
import dev.drsorchestrator.local.sim.scenario.AccountSpec;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.model.StagingAccount;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Registers the scenario's target accounts in the target-accounts table at start, as an administrator would after
 * deploying, so the handlers see them: each {@code TARGET} account with the cross-account role the scenario gives it,
 * and the scenario's {@code STAGING} accounts as its staging accounts (a scenario names no pairing, so every target
 * gets every staging account). Accounts already registered are left as they are.
 */
final class LocalRuntimeAccounts {
    static final String ROLE_NAME = "DRSOrchestrationRole";
    private static final String SEEDED_BY = "local-runtime";

    private LocalRuntimeAccounts() {
    }

    /** Registers the targets; returns the ids of the accounts registered or already present. */
    static List<String> seed(Scenario scenario, TargetAccountStore store, Instant now) {
        List<StagingAccount> staging = new ArrayList<>();
        for (AccountSpec account : scenario.accounts()) {
            if (account.kind() == AccountKind.STAGING) {
                staging.add(new StagingAccount(account.accountId(), account.name(), roleArn(account),
                        externalId(account), now.toString(), SEEDED_BY, "active", null, null));
            }
        }
        List<String> ids = new ArrayList<>();
        for (AccountSpec account : scenario.accounts()) {
            if (account.kind() != AccountKind.TARGET) {
                continue;
            }
            TargetAccount target = new TargetAccount(account.accountId(), account.name(), roleArn(account),
                    roleArn(account), null, externalId(account), false, "active", null, null, staging, SEEDED_BY, now,
                    SEEDED_BY, now, null);
            try {
                store.create(target);
            } catch (ConflictException alreadyRegistered) {
                // DynamoDB Local kept the table from an earlier start on the same port; the registration stands
            }
            ids.add(account.accountId());
        }
        return ids;
    }

    private static String roleArn(AccountSpec account) {
        return "arn:aws:iam::" + account.accountId() + ":role/" + role(account).map(IamRole::name).orElse(ROLE_NAME);
    }

    private static String externalId(AccountSpec account) {
        return role(account).map(IamRole::externalId).orElse(null);
    }

    private static java.util.Optional<IamRole> role(AccountSpec account) {
        return account.roles().stream().filter(r -> r.name().equals(ROLE_NAME)).findFirst()
                .or(() -> account.roles().stream().findFirst());
    }
}
