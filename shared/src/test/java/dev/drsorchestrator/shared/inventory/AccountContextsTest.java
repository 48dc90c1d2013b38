package dev.drsorchestrator.shared.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AccountIdentities;
import dev.drsorchestrator.shared.model.StagingAccount;
import dev.drsorchestrator.shared.model.TargetAccount;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountContextsTest {
    private static final TargetAccount TARGET = new TargetAccount("222222222222", "workload",
            "arn:aws:iam::222222222222:role/DRSOrchestrationRole", null, null, "ext-target", false, "active", null,
            null, List.of(new StagingAccount("333333333333", "staging",
                    "arn:aws:iam::333333333333:role/DRSStagingRole", "ext-staging", null, null, null, null, null)),
            "admin", null, null, null, 1L);

    @Test
    void apply_shouldUseTheStagingAccountsRoleAndExternalId_whenTheOriginIsARegisteredStagingAccount() {
        // GIVEN the collected target with one staging account (where extended servers' source instances live)
        AccountContexts contexts = new AccountContexts(List.of(new InventoryAccount(TARGET.accountId(), "workload",
                AccountIdentities.of(TARGET), AccountCollector.stagingContexts(TARGET))));

        // WHEN EC2 enrichment asks for the staging account's identity
        AccountContext staging = contexts.apply("333333333333");

        // THEN it assumes the staging account's registered role with its ExternalId (without it the role's trust
        // policy refuses the AssumeRole and every extended server stays unenriched)
        assertThat(staging).isEqualTo(new AccountContext.Target("333333333333", "DRSStagingRole", "ext-staging"));
        assertThat(contexts.apply("222222222222"))
                .isEqualTo(new AccountContext.Target("222222222222", "DRSOrchestrationRole", "ext-target"));
    }

    @Test
    void apply_shouldFallBackToTheDefaultRole_whenTheOriginIsUnknown() {
        // GIVEN no registered account for the origin WHEN asked THEN the configured default role, no ExternalId
        AccountContexts contexts = new AccountContexts(List.of());
        assertThat(contexts.apply("444444444444")).isEqualTo(new AccountContext.Target("444444444444", null, null));
    }
}
