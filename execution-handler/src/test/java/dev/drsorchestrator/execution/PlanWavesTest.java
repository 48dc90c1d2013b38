package dev.drsorchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.RecoveryPlan;
import dev.drsorchestrator.shared.model.Wave;
import dev.drsorchestrator.shared.store.ProtectionGroupStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanWavesTest {
    private final ProtectionGroupStore store = mock(ProtectionGroupStore.class);

    @Test
    void resolve_shouldRunTheServersTheTagSelectorPicks_whenTheGroupHasNoExplicitServers() {
        // GIVEN a tag-only group (what POST /protection-groups stores for serverSelectionTags) and DRS matching two
        ProtectionGroup tagged = group("g-db", Map.of("Tier", "db"), List.of());
        when(store.get("g-db")).thenReturn(Optional.of(tagged));
        PlanWaves waves = new PlanWaves(store, g -> g == tagged ? List.of("s-00000000000000001",
                "s-00000000000000002") : List.of());

        // WHEN the plan is resolved for an execution
        List<PlanWaves.Resolved> resolved = waves.resolve(plan(wave(0, "g-db")));

        // THEN the wave runs the selected servers in the group's account and region (this was a 400 before)
        assertThat(resolved).singleElement().satisfies(w -> {
            assertThat(w.serverIds()).containsExactly("s-00000000000000001", "s-00000000000000002");
            assertThat(w.region()).isEqualTo("ap-southeast-2");
            assertThat(w.accountId()).isEqualTo("222222222222");
        });
    }

    @Test
    void resolve_shouldPutExplicitServersFirstAndDropDuplicates_whenAGroupHasBoth() {
        // GIVEN a group with an explicit server that its tags select too
        ProtectionGroup both = group("g-app", Map.of("Tier", "app"), List.of("s-00000000000000003"));
        when(store.get("g-app")).thenReturn(Optional.of(both));
        PlanWaves waves = new PlanWaves(store, g -> List.of("s-00000000000000003", "s-00000000000000004"));

        // WHEN resolved
        List<PlanWaves.Resolved> resolved = waves.resolve(plan(wave(0, "g-app")));

        // THEN every server appears once, the explicit one first
        assertThat(resolved.get(0).serverIds()).containsExactly("s-00000000000000003", "s-00000000000000004");
    }

    @Test
    void resolve_shouldNameTheWave_whenTheTagsMatchNoServer() {
        // GIVEN a tag-only group whose selector matches nothing in DRS
        when(store.get("g-web")).thenReturn(Optional.of(group("g-web", Map.of("Tier", "web"), List.of())));
        PlanWaves waves = new PlanWaves(store, g -> List.of());

        // WHEN / THEN the start is refused with a 400 naming the wave and the rule
        assertThatThrownBy(() -> waves.resolve(plan(wave(0, "g-web"))))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("waves[0] 'Wave g-web' has no servers")
                .hasMessageContaining("tags match no DRS source server");
    }

    private static ProtectionGroup group(String id, Map<String, String> tags, List<String> explicit) {
        return new ProtectionGroup(id, "group " + id, null, "ap-southeast-2", "222222222222", null, "planner", tags,
                explicit, null, List.of(), 0L, 0L, "planner", null, null, null, 1L);
    }

    private static Wave wave(int number, String groupId) {
        return new Wave(number, "Wave " + groupId, null, List.of(), null, List.of(), false, List.of(groupId), null,
                null, List.of(), List.of(), null, null);
    }

    private static RecoveryPlan plan(Wave... waves) {
        return new RecoveryPlan("p-1", "plan", null, List.of(waves), null, null, null, null, null, null, null, null,
                0L, 0L, "planner", null, null, null, 1L);
    }
}
