package dev.drsorchestrator.shared.staging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.AwsErrorType;
import dev.drsorchestrator.shared.gateway.DrsGateway;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.inventory.AccountCredentials;
import dev.drsorchestrator.shared.inventory.ActiveRegions;
import dev.drsorchestrator.shared.inventory.InventoryAccount;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.StagingAccount;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StagingAccountSyncTest {
    private static final String TARGET = "111111111111";
    private static final String STAGING_OK = "222222222222";
    private static final String STAGING_DENIED = "333333333333";
    private static final String ARN = "arn:aws:drs:us-east-1:" + STAGING_OK + ":source-server/s-0000000000000aaaa";

    private final TargetAccountStore accounts = mock(TargetAccountStore.class);
    private final AccountCredentials credentials = mock(AccountCredentials.class);
    private final Gateways gateways = mock(Gateways.class);
    private final ActiveRegions activeRegions = mock(ActiveRegions.class);
    private final DrsGateway drs = mock(DrsGateway.class);
    private final StagingAccountSync sync = new StagingAccountSync(accounts, credentials, gateways, activeRegions, 2);

    private static TargetAccount target(List<StagingAccount> staging) {
        return new TargetAccount(TARGET, "workload", "arn:aws:iam::" + TARGET + ":role/DRSOrchestrationRole", null,
                null, "ext", false, "ACTIVE", null, null, staging, "test", null, null, null, null);
    }

    private static StagingAccount staging(String id) {
        return new StagingAccount(id, "staging " + id, null, null, null, null, null, null, null);
    }

    private static AwsCallFailure denied() {
        AwsCallFailure failure = mock(AwsCallFailure.Denied.class);
        when(failure.errorType()).thenReturn(AwsErrorType.ACCESS_DENIED);
        when(failure.errorCode()).thenReturn("AccessDeniedException");
        when(failure.getMessage()).thenReturn("drs:ListExtensibleSourceServers failed with AccessDeniedException: no");
        return failure;
    }

    @Test
    void runFor_shouldReportFailingStagingAccountAndExtendTheOther_whenOneStagingAccountIsDenied() {
        // GIVEN a target with two staging accounts in one region; listing the second is denied
        TargetAccount target = target(List.of(staging(STAGING_OK), staging(STAGING_DENIED)));
        when(credentials.resolve(any())).thenAnswer(inv -> Optional.of(
                ((InventoryAccount) inv.getArgument(0)).context()));
        when(activeRegions.regions(TARGET)).thenReturn(List.of("us-east-1"));
        when(gateways.drs(any(), eq("us-east-1"))).thenReturn(drs);
        JsonNode server = Json.mapper().createObjectNode().put("arn", ARN).put("hostname", "web-1");
        when(drs.listExtensibleSourceServers(STAGING_OK)).thenReturn(List.of(server));
        AwsCallFailure failure = denied();
        when(drs.listExtensibleSourceServers(STAGING_DENIED)).thenThrow(failure);
        when(drs.createExtendedSourceServer(eq(ARN), anyMap()))
                .thenReturn(Json.mapper().createObjectNode().put("sourceServerID", "s-0000000000000bbbb"));
        // WHEN
        StagingSyncReport report = sync.runFor(target);
        // THEN the good staging account's server is extended and the denied one is one failure entry
        assertThat(report.targetAccountsProcessed()).isEqualTo(1);
        assertThat(report.added()).isEqualTo(1);
        assertThat(report.servers()).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(StagingServerResult.EXTENDED);
            assertThat(s.stagingAccountId()).isEqualTo(STAGING_OK);
            assertThat(s.sourceServerId()).isEqualTo("s-0000000000000bbbb");
        });
        assertThat(report.failures()).containsExactly(new StagingSyncReport.StagingFailure(TARGET, STAGING_DENIED,
                "us-east-1", "AccessDeniedException", AwsErrorType.ACCESS_DENIED.friendlyMessage()));
    }

    @Test
    void runFor_shouldReportTargetOnceAndCallNoDrs_whenTargetRoleCannotBeAssumed() {
        // GIVEN a target whose role cannot be assumed
        when(credentials.resolve(any())).thenReturn(Optional.empty());
        // WHEN
        StagingSyncReport report = sync.runFor(target(List.of(staging(STAGING_OK))));
        // THEN one failure names the target, nothing was listed or extended
        assertThat(report.targetAccountsProcessed()).isEqualTo(1);
        assertThat(report.servers()).isEmpty();
        assertThat(report.failures()).singleElement().satisfies(f -> {
            assertThat(f.targetAccountId()).isEqualTo(TARGET);
            assertThat(f.stagingAccountId()).isNull();
            assertThat(f.errorType()).isEqualTo("AccessDeniedException");
        });
        verify(gateways, never()).drs(any(), any());
    }

    @Test
    void runFor_shouldReturnEmptyReport_whenTargetHasNoStagingAccounts() {
        // GIVEN a target without staging accounts
        // WHEN
        StagingSyncReport report = sync.runFor(target(List.of()));
        // THEN nothing is processed and no AWS call is made
        assertThat(report).isEqualTo(new StagingSyncReport(0, 0, 0, 0, List.of(), List.of()));
        verify(credentials, never()).resolve(any());
        verify(gateways, never()).drs(any(), any());
    }

    @Test
    void run_shouldSyncEveryTargetWithStaging_whenAccountsListed() {
        // GIVEN two targets, one without staging accounts
        TargetAccount bare = new TargetAccount("444444444444", "bare", null, null, null, null, true, "ACTIVE", null,
                null, List.of(), "test", null, null, null, null);
        when(accounts.listAll()).thenReturn(List.of(bare, target(List.of(staging(STAGING_OK)))));
        when(credentials.resolve(any())).thenAnswer(inv -> Optional.of(
                ((InventoryAccount) inv.getArgument(0)).context()));
        when(activeRegions.regions(TARGET)).thenReturn(List.of("us-east-1", "us-west-2"));
        when(gateways.drs(any(), any())).thenReturn(drs);
        when(drs.listExtensibleSourceServers(STAGING_OK)).thenReturn(List.of());
        // WHEN
        StagingSyncReport report = sync.run();
        // THEN only the target with staging accounts is processed, in each of its regions
        assertThat(report.targetAccountsProcessed()).isEqualTo(1);
        assertThat(report.failures()).isEmpty();
        verify(drs, times(2)).listExtensibleSourceServers(STAGING_OK);
        assertThat(report.added()).isZero();
    }
}
