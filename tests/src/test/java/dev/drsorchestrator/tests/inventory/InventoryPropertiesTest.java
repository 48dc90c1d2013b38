package dev.drsorchestrator.tests.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.drsorchestrator.shared.aws.CredentialsScope;
import dev.drsorchestrator.shared.aws.CrossAccount;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.AwsErrorType;
import dev.drsorchestrator.shared.gateway.Ec2Gateway;
import dev.drsorchestrator.shared.gateway.Ec2InstanceInfo;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.inventory.AccountCollector;
import dev.drsorchestrator.shared.inventory.AccountCredentials;
import dev.drsorchestrator.shared.inventory.ActiveRegions;
import dev.drsorchestrator.shared.inventory.DrsAllRegionsQuery;
import dev.drsorchestrator.shared.inventory.DrsRegionQuery;
import dev.drsorchestrator.shared.inventory.Ec2Enricher;
import dev.drsorchestrator.shared.inventory.Ec2InstanceQuery;
import dev.drsorchestrator.shared.inventory.InventoryAccount;
import dev.drsorchestrator.shared.inventory.InventoryWriter;
import dev.drsorchestrator.shared.inventory.RegionErrors;
import dev.drsorchestrator.shared.inventory.RegionResult;
import dev.drsorchestrator.shared.inventory.WriteCounts;
import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.store.BatchWriteResult;
import dev.drsorchestrator.shared.store.InventoryStore;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import dev.drsorchestrator.shared.validation.DrsRegions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;

/** Seed 002's property list, one group per unit, over generated inputs with the unit's boundary mocked. */
class InventoryPropertiesTest {

    // Group 1: collect_accounts_to_query

    @Property(tries = 50)
    void collect_shouldReturnOneAccountPerItemWithRequiredKeys_whenTableHasAccounts(
            @ForAll("accounts") List<TargetAccount> items) {
        // GIVEN a table with these accounts
        TargetAccountStore store = mock(TargetAccountStore.class);
        when(store.listAll()).thenReturn(items);
        // WHEN
        List<InventoryAccount> collected = new AccountCollector(store).collect();
        // THEN
        assertThat(collected).hasSameSizeAs(items);
        assertThat(collected).allSatisfy(a -> {
            assertThat(a.accountId()).matches("\\d{12}");
            assertThat(a.accountName()).isNotBlank();
            assertThat(a.context()).isNotNull();
        });
    }

    // Group 2: get_account_credentials

    @Property(tries = 50)
    void resolve_shouldReturnContextOnlyWhenAssumeRoleSucceeds_whenAnyAccount(
            @ForAll("accountIds") String accountId, @ForAll boolean assumeRoleWorks, @ForAll boolean hub) {
        // GIVEN cross-account access whose AssumeRole works or not
        CrossAccount cross = mock(CrossAccount.class);
        AwsCredentialsProvider provider = () -> {
            if (!assumeRoleWorks) {
                throw new IllegalStateException("AccessDenied");
            }
            return AwsSessionCredentials.create("AKID", "secret", "token");
        };
        when(cross.defaultRoleName()).thenReturn("DRSOrchestrationRole");
        when(cross.scope(eq(accountId), anyString(), any())).thenReturn(new CredentialsScope("k", provider));
        AccountContext context = hub ? AccountContext.hub() : AccountContext.target(accountId, null, null);
        // WHEN
        Optional<AccountContext> resolved = new AccountCredentials(cross)
                .resolve(new InventoryAccount(accountId, "name", context));
        // THEN the hub always resolves, a target only when AssumeRole works; never a half-built identity
        assertThat(resolved.isPresent()).isEqualTo(hub || assumeRoleWorks);
        resolved.ifPresent(r -> assertThat(r).isEqualTo(context));
    }

    // Group 3: query_drs_all_regions

    @Property(tries = 30)
    void queryAll_shouldReturnOneResultPerActiveRegionAndSumServers_whenRegionsAnswer(
            @ForAll @Size(min = 0, max = 28) List<@IntRange(min = 0, max = 30) Integer> counts) {
        // GIVEN active regions each answering with some servers
        List<String> regions = DrsRegions.ALL.subList(0, counts.size());
        ActiveRegions active = mock(ActiveRegions.class);
        when(active.regions("111111111111")).thenReturn(regions);
        DrsRegionQuery single = mock(DrsRegionQuery.class);
        for (int i = 0; i < regions.size(); i++) {
            String region = regions.get(i);
            List<InventoryServer> servers = new ArrayList<>();
            for (int s = 0; s < counts.get(i); s++) {
                servers.add(server("s-" + region + "-" + s, null, null));
            }
            when(single.query(eq("111111111111"), any(), eq(region), anyString()))
                    .thenReturn(new RegionResult.Success("111111111111", region, servers));
        }
        // WHEN
        List<RegionResult> results = new DrsAllRegionsQuery(active, single)
                .query(new InventoryAccount("111111111111", "a", AccountContext.hub()), AccountContext.hub(), "t",
                        Runnable::run, r -> r).join();
        // THEN
        assertThat(results).hasSize(regions.size());
        int total = results.stream().mapToInt(r -> ((RegionResult.Success) r).servers().size()).sum();
        assertThat(total).isEqualTo(counts.stream().mapToInt(Integer::intValue).sum());
    }

    // Group 4: query_drs_single_region (its error mapping)

    @Property(tries = 100)
    void errors_shouldCarryTypeMessageAndRegion_whenAnyFailure(@ForAll AwsErrorType type,
            @ForAll("regions") String region, @ForAll boolean retryable) {
        // GIVEN a translated AWS failure of any type
        AwsCallFailure failure = mock(AwsCallFailure.Rejected.class);
        when(failure.errorType()).thenReturn(type);
        when(failure.errorCode()).thenReturn(type.wireName());
        when(failure.retryable()).thenReturn(retryable);
        when(failure.getMessage()).thenReturn("detail");
        // WHEN
        RegionResult.Failure result = RegionErrors.of("111111111111", region, failure);
        // THEN every error has a type, a message naming the region, and the seed's retryable flag
        assertThat(result.errorType()).isEqualTo(type.wireName());
        assertThat(result.errorMessage()).contains(region);
        boolean expectedRetry = type == AwsErrorType.THROTTLING || type == AwsErrorType.INTERNAL_SERVER
                || (type == AwsErrorType.CLIENT_ERROR && retryable);
        assertThat(result.retryable()).isEqualTo(expectedRetry);
        assertThat(result.status()).isIn(RegionErrors.NOT_INITIALIZED, RegionErrors.THROTTLED, RegionErrors.ERROR);
    }

    // Group 5: enrich_with_ec2_metadata and query_ec2_instances

    @Property(tries = 50)
    void enrich_shouldKeepLengthOrderAndDrsData_whenSomeInstancesFound(
            @ForAll @Size(max = 60) List<@IntRange(min = 0, max = 2) Integer> kinds) {
        // GIVEN servers that are EC2 machines found by EC2 (0), not found (1), or not EC2 machines (2)
        List<InventoryServer> servers = new ArrayList<>();
        Map<String, Ec2InstanceInfo> found = new HashMap<>();
        for (int i = 0; i < kinds.size(); i++) {
            String instance = kinds.get(i) == 2 ? null : "i-" + i;
            servers.add(server("s-" + i, instance, "us-west-2"));
            if (kinds.get(i) == 0) {
                found.put(instance, new Ec2InstanceInfo(instance, "m5.large", "running", null, null, null, null,
                        null, null, null, Map.of("Name", "web-" + i), List.of()));
            }
        }
        Ec2InstanceQuery ec2 = mock(Ec2InstanceQuery.class);
        when(ec2.query(anyList(), eq("us-west-2"), any())).thenReturn(found);
        // WHEN
        List<InventoryServer> out = new Ec2Enricher(ec2).enrich(servers, id -> AccountContext.hub());
        // THEN same length and order, DRS data unchanged, enrichment exactly where found
        assertThat(out).hasSameSizeAs(servers);
        for (int i = 0; i < servers.size(); i++) {
            InventoryServer before = servers.get(i);
            InventoryServer after = out.get(i);
            assertThat(after.sourceServerId()).isEqualTo(before.sourceServerId());
            assertThat(after.hostname()).isEqualTo(before.hostname());
            assertThat(after.drsTags()).isEqualTo(before.drsTags());
            assertThat(after.instanceType() != null).isEqualTo(kinds.get(i) == 0);
        }
    }

    @Property(tries = 50)
    void ec2Query_shouldReturnSubsetOfRequestedIds_whenEc2ReturnsExtraInstances(
            @ForAll @Size(max = 250) Set<@IntRange(min = 0, max = 400) Integer> wanted) {
        // GIVEN EC2 that also returns instances nobody asked for
        Gateways gateways = mock(Gateways.class);
        Ec2Gateway ec2 = mock(Ec2Gateway.class);
        when(gateways.ec2(any(), eq("us-east-1"))).thenReturn(ec2);
        when(ec2.describeInstances(anyList(), any())).thenAnswer(call -> {
            List<String> ids = call.getArgument(0);
            assertThat(ids).hasSizeLessThanOrEqualTo(Ec2Gateway.MAX_IDS_PER_CALL);
            List<Ec2InstanceInfo> out = new ArrayList<>();
            ids.forEach(id -> out.add(info(id)));
            out.add(info("i-extra"));
            return out;
        });
        List<String> ids = wanted.stream().map(i -> "i-" + i).toList();
        // WHEN
        Map<String, Ec2InstanceInfo> result = new Ec2InstanceQuery(gateways).query(ids, "us-east-1",
                AccountContext.hub());
        // THEN
        assertThat(result.keySet()).isEqualTo(new HashSet<>(ids));
    }

    // Group 6: write_inventory_to_dynamodb

    @Property(tries = 50)
    void write_shouldCountEveryServerOnce_whenSomeWritesFail(@ForAll @IntRange(max = 300) int size,
            @ForAll @IntRange(max = 300) int failures, @ForAll boolean tableDown) {
        // GIVEN a store that fails some items, or is down
        int failed = Math.min(size, failures);
        InventoryStore store = mock(InventoryStore.class);
        if (tableDown) {
            when(store.writeAll(anyList())).thenThrow(new IllegalStateException("table unavailable"));
        } else {
            List<String> failedIds = new ArrayList<>();
            for (int i = 0; i < failed; i++) {
                failedIds.add("s-" + i);
            }
            when(store.writeAll(anyList())).thenReturn(new BatchWriteResult(size - failed, failed, failedIds));
        }
        List<InventoryServer> servers = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            servers.add(server("s-" + i, null, null));
        }
        // WHEN
        WriteCounts counts = new InventoryWriter(store).write(servers);
        // THEN success + failure = input length, and empty input is (0, 0)
        assertThat(counts.successCount() + counts.failureCount()).isEqualTo(size);
        if (size == 0) {
            assertThat(counts).isEqualTo(WriteCounts.NONE);
        }
    }

    @Provide
    Arbitrary<List<TargetAccount>> accounts() {
        Arbitrary<TargetAccount> account = Combinators.combine(accountIds(),
                Arbitraries.strings().alpha().ofMaxLength(12).injectNull(0.2), Arbitraries.of(true, false))
                .as((id, name, current) -> new TargetAccount(id, name, null, null, null, null, current, null, null,
                        null, List.of(), null, null, null, null, 1L));
        return account.list().ofMaxSize(20).uniqueElements(TargetAccount::accountId);
    }

    @Provide
    Arbitrary<String> accountIds() {
        return Arbitraries.strings().numeric().ofLength(12);
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of(DrsRegions.ALL);
    }

    private static InventoryServer server(String id, String instanceId, String sourceRegion) {
        return new InventoryServer(id, "111111111111", "us-east-1",
                InventoryServer.accountRegion("111111111111", "us-east-1"), "host-" + id, null, null, instanceId,
                null, null, sourceRegion, "111111111111", null, null, null, null, null, "CONTINUOUS", null, null,
                null, null, null, List.of(), Map.of("Tier", "web"), Map.of("Tier", "web"), "t");
    }

    private static Ec2InstanceInfo info(String id) {
        return new Ec2InstanceInfo(id, "t3.large", "running", null, null, null, null, null, null, null, Map.of(),
                List.of());
    }
}
