package dev.drsorchestrator.shared.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.model.TargetAccount;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AccountIdentitiesTest {
    private static final String HUB = "111111111111";
    private static final TargetAccount REGISTERED = new TargetAccount("222222222222", "workload-1",
            "arn:aws:iam::222222222222:role/DRSOrchestrationRole", null, null, "drs-orchestrator-222222222222", false,
            "active", null, null, List.of(), "admin", null, null, null, 1L);

    private static final TargetAccount CURRENT = new TargetAccount("444444444444", "hub-registered", null, null, null,
            null, true, "active", null, null, List.of(), "admin", null, null, null, 1L);

    private final AccountIdentities accounts = new AccountIdentities(id -> Optional.ofNullable(
            id.equals(REGISTERED.accountId()) ? REGISTERED : id.equals(CURRENT.accountId()) ? CURRENT : null), HUB);

    private static TargetAccount withRoles(String roleArn, String crossAccountRoleArn, String assumeRoleName) {
        return new TargetAccount("555555555555", "legacy", roleArn, crossAccountRoleArn, assumeRoleName, "ext-5",
                false, "active", null, null, List.of(), "admin", null, null, null, 1L);
    }

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

    @Test
    void of_shouldRunAsTheHub_whenTheRegisteredAccountIsMarkedAsTheCurrentOne() {
        // GIVEN an account registered as the one the orchestrator runs in, without AWS_ACCOUNT_ID naming it
        // WHEN / THEN its calls use the function's own credentials, with or without a group's role
        assertThat(accounts.of("444444444444", null)).isEqualTo(AccountContext.hub());
        assertThat(accounts.of("444444444444", "CustomDrRole")).isEqualTo(AccountContext.hub());
        assertThat(AccountIdentities.of(CURRENT)).isEqualTo(AccountContext.hub());
    }

    @Test
    void roleOf_shouldPreferTheRoleArnThenItsAliasThenTheRoleName_whenSeveralAreStored() {
        // GIVEN accounts (e.g. imported from the original project) with more than one role field set
        // WHEN / THEN every handler picks the same one
        assertThat(AccountIdentities.roleOf(withRoles("arn:aws:iam::555555555555:role/A",
                "arn:aws:iam::555555555555:role/B", "C"))).isEqualTo("arn:aws:iam::555555555555:role/A");
        assertThat(AccountIdentities.roleOf(withRoles(" ", "arn:aws:iam::555555555555:role/B", "C")))
                .isEqualTo("arn:aws:iam::555555555555:role/B");
        assertThat(AccountIdentities.roleOf(withRoles(null, null, "C"))).isEqualTo("C");
        assertThat(AccountIdentities.roleOf(withRoles(null, "", " "))).isNull();
        assertThat(AccountIdentities.of(withRoles(null, null, "C")))
                .isEqualTo(new AccountContext.Target("555555555555", "C", "ext-5"));
    }

    @Test
    void isHub_shouldTreatABlankConfiguredHubIdAsNotConfigured_whenAwsAccountIdIsEmpty() {
        // GIVEN AWS_ACCOUNT_ID set to an empty value
        AccountIdentities unconfigured = new AccountIdentities(id -> Optional.empty(), " ");
        // WHEN / THEN only a missing id means the hub; a real id is a target account
        assertThat(unconfigured.isHub(null)).isTrue();
        assertThat(unconfigured.isHub("222222222222")).isFalse();
        assertThat(unconfigured.of("222222222222", null))
                .isEqualTo(new AccountContext.Target("222222222222", null, null));
    }
}
