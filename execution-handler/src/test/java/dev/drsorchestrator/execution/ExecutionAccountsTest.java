package dev.drsorchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.model.TargetAccount;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExecutionAccountsTest {
    private static final String HUB = "111111111111";
    private static final TargetAccount REGISTERED = new TargetAccount("222222222222", "workload-1",
            "arn:aws:iam::222222222222:role/DRSOrchestrationRole", null, null, "drs-orchestrator-222222222222", false,
            "active", null, null, List.of(), "admin", null, null, null, 1L);

    private final ExecutionAccounts accounts = new ExecutionAccounts(
            id -> id.equals(REGISTERED.accountId()) ? Optional.of(REGISTERED) : Optional.empty(), HUB);

    @Test
    void of_shouldUseTheRegisteredRoleAndExternalId_whenTheAccountIsARegisteredTarget() {
        // GIVEN a target account registered with its role ARN and ExternalId (what the trust policy requires)
        // WHEN an execution in that account needs DRS
        AccountContext context = accounts.of("222222222222", null);

        // THEN the AssumeRole carries the stored ExternalId (it was null before, and AssumeRole was denied)
        assertThat(context).isEqualTo(new AccountContext.Target("222222222222", "DRSOrchestrationRole",
                "drs-orchestrator-222222222222"));
    }

    @Test
    void of_shouldKeepTheGroupsRoleName_whenTheGroupNamesOne() {
        // GIVEN / WHEN a group that names its own role in the registered account
        AccountContext context = accounts.of("222222222222", "CustomDrRole");

        // THEN that role is assumed, still with the account's ExternalId
        assertThat(context).isEqualTo(new AccountContext.Target("222222222222", "CustomDrRole",
                "drs-orchestrator-222222222222"));
    }

    @Test
    void of_shouldRunAsTheHub_whenNoAccountOrTheHubsOwnIdIsNamed() {
        // GIVEN / WHEN / THEN the hub's own id and no id both mean the function's own credentials
        assertThat(accounts.of(null, null)).isEqualTo(AccountContext.hub());
        assertThat(accounts.of(" ", null)).isEqualTo(AccountContext.hub());
        assertThat(accounts.of(HUB, null)).isEqualTo(AccountContext.hub());
    }

    @Test
    void of_shouldFallBackToTheConfiguredDefaults_whenTheAccountIsNotRegistered() {
        // GIVEN / WHEN an account the table does not know
        AccountContext context = accounts.of("333333333333", null);

        // THEN the configured default role and ExternalId apply (null here)
        assertThat(context).isEqualTo(new AccountContext.Target("333333333333", null, null));
    }
}
