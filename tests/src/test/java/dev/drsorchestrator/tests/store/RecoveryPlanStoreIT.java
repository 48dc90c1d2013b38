package dev.drsorchestrator.tests.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.error.NotFoundException;
import dev.drsorchestrator.shared.model.Claim;
import dev.drsorchestrator.shared.model.RecoveryPlan;
import dev.drsorchestrator.shared.model.Wave;
import dev.drsorchestrator.shared.store.ClaimStore;
import dev.drsorchestrator.shared.store.RecoveryPlanStore;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RecoveryPlanStoreIT {
    private static StoreFixture fixture;
    private static RecoveryPlanStore plans;
    private static ClaimStore claims;

    @BeforeAll
    static void setUp() {
        fixture = StoreFixture.create("planstore");
        plans = fixture.stores.recoveryPlans();
        claims = fixture.stores.claims();
    }

    @AfterAll
    static void tearDown() {
        fixture.client.close();
    }

    @Test
    void create_shouldStorePlanWithWavesAndClaimName_whenNameIsFree() {
        // GIVEN a plan with two waves
        RecoveryPlan plan = plan("p-create", "Prod DR");

        // WHEN it is created
        RecoveryPlan stored = plans.create(plan);

        // THEN it round-trips at version 1, is found by name, and owns its name claim
        assertThat(stored.version()).isEqualTo(1L);
        assertThat(plans.require("p-create")).isEqualTo(stored);
        assertThat(plans.findByName("prod dr")).contains(stored);
        assertThat(claims.get("plan-name#prod dr")).get().extracting(Claim::ownerId).isEqualTo("p-create");
        assertThat(plans.listAll()).extracting(RecoveryPlan::planId).contains("p-create");
    }

    @Test
    void create_shouldThrowConflictNamingOwner_whenNameOrIdIsTaken() {
        // GIVEN a plan "Finance"
        plans.create(plan("p-fin", "Finance"));

        // WHEN another plan takes the name, or the id is reused
        // THEN both are conflicts
        assertThatThrownBy(() -> plans.create(plan("p-fin2", " FINANCE")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("p-fin");
        assertThatThrownBy(() -> plans.create(plan("p-fin", "Finance Two")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already exists");
        assertThat(claims.get("plan-name#finance two")).isEmpty();
    }

    @Test
    void update_shouldRenameAndBumpVersion_andRefuseStaleOrTakenNames() {
        // GIVEN two plans
        RecoveryPlan v1 = plans.create(plan("p-ren", "Before"));
        plans.create(plan("p-other", "Other"));

        // WHEN renamed, then updated with the old version, then renamed to a taken name
        RecoveryPlan v2 = plans.update(plan("p-ren", "After"), v1.version());

        // THEN the rename moved the claim; stale and taken-name updates are conflicts
        assertThat(v2.version()).isEqualTo(2L);
        assertThat(claims.get("plan-name#before")).isEmpty();
        assertThat(claims.get("plan-name#after")).get().extracting(Claim::ownerId).isEqualTo("p-ren");
        assertThatThrownBy(() -> plans.update(plan("p-ren", "After"), 1L))
                .isInstanceOf(ConflictException.class).hasMessageContaining("current version 2");
        assertThatThrownBy(() -> plans.update(plan("p-ren", "other"), 2L))
                .isInstanceOf(ConflictException.class).hasMessageContaining("p-other");
        assertThat(plans.require("p-ren")).isEqualTo(v2);
        assertThatThrownBy(() -> plans.update(plan("p-none", "None"), 1L)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void delete_shouldRemovePlanAndName_whenVersionMatches_andRefuseOtherwise() {
        // GIVEN a plan at version 1
        plans.create(plan("p-del", "Gone Soon"));

        // WHEN deleted with a wrong version, then with the right one
        assertThatThrownBy(() -> plans.delete("p-del", 3L)).isInstanceOf(ConflictException.class);
        plans.delete("p-del", 1L);

        // THEN it and its name are gone; deleting again is not found
        assertThat(plans.get("p-del")).isEmpty();
        assertThat(claims.get("plan-name#gone soon")).isEmpty();
        assertThatThrownBy(() -> plans.delete("p-del", 1L)).isInstanceOf(NotFoundException.class);
    }

    private static RecoveryPlan plan(String id, String name) {
        List<Wave> waves = List.of(
                new Wave(0, "Databases", "", List.of("s-1"), 1, List.of(), false, List.of("g-1"), null, 0, null, null,
                        null, null),
                new Wave(1, "Apps", null, List.of("s-2", "s-3"), 2, List.of(0), true, List.of("g-2"), null, 5,
                        List.of(), null, null, null));
        return new RecoveryPlan(id, name, "plan", waves, "111122223333", null, "ops@example.com", null, null, null,
                null, null, 1_700_000_000L, 1_700_000_000L, "alice", Instant.parse("2026-11-22T09:00:00Z"), "alice",
                Instant.parse("2026-11-22T09:00:00Z"), null);
    }
}
