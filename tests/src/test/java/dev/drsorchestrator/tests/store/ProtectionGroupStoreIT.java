package dev.drsorchestrator.tests.store;

import static dev.drsorchestrator.tests.store.StoreFixture.group;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.model.Claim;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.store.ClaimStore;
import dev.drsorchestrator.shared.store.ProtectionGroupStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ProtectionGroupStoreIT {
    private static StoreFixture fixture;
    private static ProtectionGroupStore groups;
    private static ClaimStore claims;

    @BeforeAll
    static void setUp() {
        fixture = StoreFixture.create("pgstore");
        groups = fixture.stores.protectionGroups();
        claims = fixture.stores.claims();
    }

    @AfterAll
    static void tearDown() {
        fixture.client.close();
    }

    @Test
    void create_shouldStoreVersionOneAndClaimNameAndServers_whenNameAndServersAreFree() {
        // GIVEN a new group with two servers
        ProtectionGroup group = group("g-create", "Web Tier", List.of("s-c1", "s-c2"));

        // WHEN it is created
        ProtectionGroup stored = groups.create(group);

        // THEN it is stored at version 1, findable by any spelling of its name, and owns its claims
        assertThat(stored.version()).isEqualTo(1L);
        assertThat(groups.require("g-create")).isEqualTo(stored);
        assertThat(groups.findByName("  WEB tier ")).contains(stored);
        assertThat(claims.get("pg-name#web tier")).get().extracting(Claim::ownerId).isEqualTo("g-create");
        assertThat(claims.get(Claim.groupServerKey("s-c1"))).get().extracting(Claim::ownerId).isEqualTo("g-create");
    }

    @Test
    void create_shouldThrowConflictNamingOwner_whenNameIsTakenCaseInsensitively() {
        // GIVEN a group named "Database"
        groups.create(group("g-db1", "Database", List.of()));

        // WHEN another group is created as "DATABASE"
        // THEN it is refused naming the owner, and nothing of the second group is stored
        assertThatThrownBy(() -> groups.create(group("g-db2", "DATABASE", List.of("s-db2"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("DATABASE").hasMessageContaining("g-db1");
        assertThat(groups.get("g-db2")).isEmpty();
        assertThat(claims.get(Claim.groupServerKey("s-db2"))).isEmpty();
    }

    @Test
    void create_shouldThrowConflictNamingServerAndOwner_whenServerBelongsToAnotherGroup() {
        // GIVEN a group owning s-shared
        groups.create(group("g-own", "Owner", List.of("s-shared")));

        // WHEN another group claims s-shared
        // THEN it is refused naming the server and the owning group; its name stays free
        assertThatThrownBy(() -> groups.create(group("g-thief", "Thief", List.of("s-free", "s-shared"))))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("s-shared").hasMessageContaining("g-own");
        assertThat(claims.get("pg-name#thief")).isEmpty();
        assertThat(claims.get(Claim.groupServerKey("s-free"))).isEmpty();
    }

    @Test
    void create_shouldThrowConflict_whenIdExists() {
        // GIVEN a stored group
        groups.create(group("g-dup", "Dup One", List.of()));

        // WHEN the same id is created again under another name
        // THEN it is a conflict and the new name is not claimed
        assertThatThrownBy(() -> groups.create(group("g-dup", "Dup Two", List.of())))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already exists");
        assertThat(claims.get("pg-name#dup two")).isEmpty();
    }

    @Test
    void update_shouldMoveNameAndServerClaims_whenRenamedAndServersChange() {
        // GIVEN a group with servers a and b
        ProtectionGroup v1 = groups.create(group("g-move", "Old Name", List.of("s-ma", "s-mb")));

        // WHEN it is renamed and b is replaced by c
        ProtectionGroup v2 = groups.update(group("g-move", "New Name", List.of("s-ma", "s-mc")), v1.version());

        // THEN the version is 2, the old name and server b are free, the new ones are owned
        assertThat(v2.version()).isEqualTo(2L);
        assertThat(groups.require("g-move")).isEqualTo(v2);
        assertThat(claims.get("pg-name#old name")).isEmpty();
        assertThat(claims.get("pg-name#new name")).get().extracting(Claim::ownerId).isEqualTo("g-move");
        assertThat(claims.get(Claim.groupServerKey("s-mb"))).isEmpty();
        assertThat(claims.get(Claim.groupServerKey("s-mc"))).get().extracting(Claim::ownerId).isEqualTo("g-move");
        assertThat(groups.create(group("g-reuse", "old name", List.of("s-mb"))).version()).isEqualTo(1L);
    }

    @Test
    void update_shouldThrowConflictWithCurrentVersion_whenVersionIsStale() {
        // GIVEN a group updated once (version 2)
        ProtectionGroup v1 = groups.create(group("g-stale", "Stale", List.of()));
        groups.update(group("g-stale", "Stale", List.of()), v1.version());

        // WHEN an update based on version 1 arrives
        // THEN it is refused with the current version
        assertThatThrownBy(() -> groups.update(group("g-stale", "Stale", List.of()), 1L))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("changed since it was read").hasMessageContaining("current version 2");
    }

    @Test
    void update_shouldThrowConflict_whenNewServerBelongsToAnotherGroup() {
        // GIVEN two groups, the second owning s-taken
        ProtectionGroup first = groups.create(group("g-u1", "U One", List.of()));
        groups.create(group("g-u2", "U Two", List.of("s-taken")));

        // WHEN the first adds s-taken
        // THEN it is refused naming the owner and the first group is unchanged
        assertThatThrownBy(() -> groups.update(group("g-u1", "U One", List.of("s-taken")), first.version()))
                .isInstanceOf(ConflictException.class).hasMessageContaining("s-taken").hasMessageContaining("g-u2");
        assertThat(groups.require("g-u1")).isEqualTo(first);
    }

    @Test
    void update_shouldThrowNotFound_whenGroupIsMissing() {
        // GIVEN no group g-missing
        // WHEN it is updated
        // THEN it is not found
        assertThatThrownBy(() -> groups.update(group("g-missing", "Missing", List.of()), 1L))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("g-missing");
    }

    @Test
    void delete_shouldRemoveGroupAndReleaseClaims_whenVersionMatches() {
        // GIVEN a group with a server
        ProtectionGroup stored = groups.create(group("g-del", "Deleted", List.of("s-del")));

        // WHEN it is deleted at its version
        groups.delete("g-del", stored.version());

        // THEN the group and its claims are gone
        assertThat(groups.get("g-del")).isEmpty();
        assertThat(claims.get("pg-name#deleted")).isEmpty();
        assertThat(claims.get(Claim.groupServerKey("s-del"))).isEmpty();
    }

    @Test
    void delete_shouldThrowConflictOrNotFound_whenVersionIsStaleOrGroupMissing() {
        // GIVEN a group at version 1
        groups.create(group("g-del2", "Del Two", List.of()));

        // WHEN deleted with version 7, or a missing group is deleted
        // THEN conflict and not found; the group stays
        assertThatThrownBy(() -> groups.delete("g-del2", 7L)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("current version 1");
        assertThatThrownBy(() -> groups.delete("g-nope", 1L)).isInstanceOf(NotFoundException.class);
        assertThat(groups.get("g-del2")).isPresent();
    }

    @Test
    void countAndListAll_shouldSeeEveryGroup_whenGroupsExist() {
        // GIVEN the groups created so far plus one more
        groups.create(group("g-count", "Counted", List.of()));

        // WHEN counted and listed
        int count = groups.count();
        List<ProtectionGroup> all = groups.listAll();

        // THEN both agree and include the new group
        assertThat(count).isEqualTo(all.size());
        assertThat(all).extracting(ProtectionGroup::groupId).contains("g-count");
    }

    @Test
    void update_shouldLetExactlyOneOfTwentyWriterWin_whenAllUseTheSameVersion() throws Exception {
        // GIVEN a group at version 1 and 20 writers holding version 1
        ProtectionGroup v1 = groups.create(group("g-race", "Race", List.of()));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ProtectionGroup>> results = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String description = "writer-" + i;
            results.add(pool.submit(() -> {
                start.await();
                ProtectionGroup g = group("g-race", "Race", List.of());
                return groups.update(new ProtectionGroup(g.groupId(), g.groupName(), description, g.region(),
                        g.accountId(), g.assumeRoleName(), g.owner(), g.serverSelectionTags(), g.sourceServerIds(),
                        g.launchConfig(), g.servers(), g.createdDate(), g.lastModifiedDate(), g.createdBy(),
                        g.createdAt(), g.updatedBy(), g.updatedAt(), null), v1.version());
            }));
        }

        // WHEN they all update at once
        start.countDown();
        List<ProtectionGroup> winners = new ArrayList<>();
        int conflicts = 0;
        for (Future<ProtectionGroup> result : results) {
            try {
                winners.add(result.get());
            } catch (java.util.concurrent.ExecutionException e) {
                assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                conflicts++;
            }
        }
        pool.shutdown();

        // THEN exactly one wins, 19 conflict, and the stored item is the winner's at version 2
        assertThat(winners).hasSize(1);
        assertThat(conflicts).isEqualTo(19);
        assertThat(groups.require("g-race")).isEqualTo(winners.get(0));
        assertThat(winners.get(0).version()).isEqualTo(2L);
    }
}
