package dev.drsorchestrator.tests.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.RecoveryInstance;
import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.model.StagingAccount;
import dev.drsorchestrator.shared.model.TagSyncSettings;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.store.ClaimStore;
import dev.drsorchestrator.shared.store.Page;
import dev.drsorchestrator.shared.store.RecoveryInstanceStore;
import dev.drsorchestrator.shared.store.RegionStatusStore;
import dev.drsorchestrator.shared.store.TagSyncConfigStore;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmallStoresIT {
    private static StoreFixture fixture;

    @BeforeAll
    static void setUp() {
        fixture = StoreFixture.create("smallstores");
    }

    @AfterAll
    static void tearDown() {
        fixture.client.close();
    }

    @Test
    void targetAccounts_shouldCreateUpdateListAndDeleteWithVersions() {
        // GIVEN the store and an account with a staging account
        TargetAccountStore accounts = fixture.stores.targetAccounts();
        TargetAccount account = account("123456789012", "Prod");

        // WHEN created, updated, listed and deleted
        TargetAccount v1 = accounts.create(account);
        TargetAccount v2 = accounts.update(account("123456789012", "Production"), 1L);

        // THEN versions advance and every error path is a 404 or 409
        assertThat(v1.version()).isEqualTo(1L);
        assertThat(accounts.require("123456789012")).isEqualTo(v2);
        assertThat(v2.stagingAccounts()).hasSize(1);
        assertThat(accounts.listAll()).contains(v2);
        assertThatThrownBy(() -> accounts.create(account)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("already exists");
        assertThatThrownBy(() -> accounts.update(account("123456789012", "X"), 1L))
                .isInstanceOf(ConflictException.class).hasMessageContaining("current version 2");
        assertThatThrownBy(() -> accounts.update(account("999999999999", "X"), 1L))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.delete("123456789012", 1L)).isInstanceOf(ConflictException.class);
        accounts.delete("123456789012", 2L);
        assertThat(accounts.get("123456789012")).isEmpty();
        assertThatThrownBy(() -> accounts.require("123456789012")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.delete("123456789012", 2L)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void tagSyncConfig_shouldCreateThenUpdateSettings_andRefuseStaleOrDuplicateSaves() {
        // GIVEN no settings yet
        TagSyncConfigStore config = fixture.stores.tagSyncConfig();
        assertThat(config.get()).isEmpty();
        ObjectNode result = Json.mapper().createObjectNode().put("synced", 12).put("failed", 0);
        TagSyncSettings settings = new TagSyncSettings(null, true, 4, "2026-11-22T08:00:00Z", "SUCCESS", result,
                "alice", Instant.parse("2026-11-22T09:00:00Z"), null);

        // WHEN saved as new, then saved over version 1
        TagSyncSettings v1 = config.save(settings, Optional.empty());
        TagSyncSettings v2 = config.save(settings, Optional.of(1L));

        // THEN the item is keyed tag-sync, versions advance, stale or duplicate creation is a conflict
        assertThat(v1.configId()).isEqualTo(TagSyncSettings.CONFIG_ID);
        assertThat(config.get()).contains(v2);
        assertThat(v2.version()).isEqualTo(2L);
        assertThatThrownBy(() -> config.save(settings, Optional.empty())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> config.save(settings, Optional.of(1L))).isInstanceOf(ConflictException.class);
    }

    @Test
    void regionStatuses_shouldReplaceAndListByAccount() {
        // GIVEN statuses for two regions of one account and one of another
        RegionStatusStore statuses = fixture.stores.regionStatuses();
        statuses.put(new RegionStatus("111111111111", "us-west-2", "ACTIVE", 3, null, null, null, "t1"));
        statuses.put(new RegionStatus("111111111111", "us-east-1", "ACTIVE", 5, null, null, null, "t1"));
        statuses.put(new RegionStatus("222222222222", "us-east-1", "ACTIVE", 1, null, null, null, "t1"));

        // WHEN one is replaced by an error
        RegionStatus error = new RegionStatus("111111111111", "us-east-1", "ERROR", 0, "ACCESS_DENIED",
                "Role cannot be assumed", false, "t2");
        statuses.put(error);

        // THEN the account lists both of its regions in order, with the error, and nothing else
        assertThat(statuses.listByAccount("111111111111")).extracting(RegionStatus::region)
                .containsExactly("us-east-1", "us-west-2");
        assertThat(statuses.get("111111111111", "us-east-1")).contains(error);
        assertThat(statuses.get("333333333333", "us-east-1")).isEmpty();
        assertThatThrownBy(() -> statuses.put(new RegionStatus(null, "us-east-1", "ACTIVE", 0, null, null, null,
                null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("accountId");
    }

    @Test
    void recoveryInstances_shouldBeFoundBySourceServerAndPagedByAccountRegion() {
        // GIVEN 5 instances in one account-region, two of them for the same source server
        RecoveryInstanceStore instances = fixture.stores.recoveryInstances();
        List<RecoveryInstance> all = IntStream.range(0, 5)
                .mapToObj(i -> instance("ri-" + i, i < 2 ? "s-twice" : "s-" + i)).toList();
        assertThat(instances.putAll(all).successCount()).isEqualTo(5);

        // WHEN read by source server and page by page
        List<RecoveryInstance> ofServer = instances.listBySourceServer("s-twice");
        List<String> paged = new ArrayList<>();
        Optional<ObjectNode> start = Optional.empty();
        do {
            Page<RecoveryInstance> page = instances.listByAccountRegion("111111111111#us-east-1", 2, start);
            page.items().forEach(r -> paged.add(r.recoveryInstanceId()));
            start = page.lastEvaluatedKey();
        } while (start.isPresent());

        // THEN both views are complete; single put, get and delete work
        assertThat(ofServer).extracting(RecoveryInstance::recoveryInstanceId).containsExactlyInAnyOrder("ri-0", "ri-1");
        assertThat(paged).containsExactly("ri-0", "ri-1", "ri-2", "ri-3", "ri-4");
        instances.put(instance("ri-9", "s-9"));
        assertThat(instances.get("ri-9")).contains(instance("ri-9", "s-9"));
        instances.delete("ri-9");
        assertThat(instances.get("ri-9")).isEmpty();
    }

    @Test
    void claims_shouldBeIdempotentForTheOwnerAndNeverReleasedByAnother() {
        // GIVEN a claim held by owner-a
        ClaimStore claims = fixture.stores.claims();
        fixture.client.transactWriteItems(r -> r.transactItems(claims.claimOperation("pg-server#s-c", "owner-a", null)));

        // WHEN owner-a claims again, owner-b tries to release it, then owner-a releases it
        fixture.client.transactWriteItems(r -> r.transactItems(claims.claimOperation("pg-server#s-c", "owner-a", null)));
        boolean releasedByB = claims.release("pg-server#s-c", "owner-b");
        String ownerAfterB = claims.ownerOf("pg-server#s-c");
        boolean releasedByA = claims.release("pg-server#s-c", "owner-a");

        // THEN only the owner could release it
        assertThat(releasedByB).isFalse();
        assertThat(ownerAfterB).isEqualTo("owner-a");
        assertThat(releasedByA).isTrue();
        assertThat(claims.get("pg-server#s-c")).isEmpty();
        assertThat(claims.ownerOf("pg-server#s-c")).isEqualTo("another owner");
    }

    private static TargetAccount account(String id, String name) {
        return new TargetAccount(id, name, "arn:aws:iam::" + id + ":role/DRSOrchestrationRole", null, null, "ext-1",
                false, "ACTIVE", null, null,
                List.of(new StagingAccount("210987654321", "Staging", "arn:aws:iam::210987654321:role/Staging", null,
                        "2026-11-22T09:00:00Z", "alice", "ACTIVE", 4, 3)),
                "alice", Instant.parse("2026-11-22T09:00:00Z"), "alice", Instant.parse("2026-11-22T09:00:00Z"), null);
    }

    private static RecoveryInstance instance(String id, String sourceServerId) {
        return new RecoveryInstance(id, sourceServerId, "111111111111", "us-east-1", "111111111111#us-east-1",
                "i-" + id, "running", "t3.small", "10.1.0.4", "drsjob-1", "e-1", true, "2026-11-22T08:00:00Z",
                "2026-11-22T09:00:00Z", Map.of("Name", id), "2026-11-22T10:00:00Z");
    }
}
