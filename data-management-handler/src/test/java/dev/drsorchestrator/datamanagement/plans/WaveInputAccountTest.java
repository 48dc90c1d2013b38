package dev.drsorchestrator.datamanagement.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.Wave;
import dev.drsorchestrator.shared.store.ProtectionGroupStore;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WaveInputAccountTest {
    private final ProtectionGroupStore store = mock(ProtectionGroupStore.class);
    private final WaveInput input = new WaveInput(store, null);

    @Test
    void commonAccount_shouldBeTheGroupsAccount_whenEveryGroupIsInTheSameTargetAccount() {
        // GIVEN two waves whose groups are both in target account 222222222222
        when(store.get("g-db")).thenReturn(Optional.of(group("g-db", "222222222222")));
        when(store.get("g-web")).thenReturn(Optional.of(group("g-web", "222222222222")));

        // WHEN the plan's default account is derived
        Optional<String> account = input.commonAccount(List.of(wave(List.of("g-db"), null), wave(null, "g-web")));

        // THEN it is that account (a plan created without accountId belongs where its groups are, not to the hub)
        assertThat(account).contains("222222222222");
    }

    @Test
    void commonAccount_shouldBeEmpty_whenGroupsSpanAccountsOrNameNone() {
        // GIVEN groups in two accounts, and one naming no account
        when(store.get("g-a")).thenReturn(Optional.of(group("g-a", "222222222222")));
        when(store.get("g-b")).thenReturn(Optional.of(group("g-b", "444444444444")));
        when(store.get("g-none")).thenReturn(Optional.of(group("g-none", null)));

        // WHEN / THEN no single account: the caller falls back to the hub
        assertThat(input.commonAccount(List.of(wave(List.of("g-a", "g-b"), null)))).isEmpty();
        assertThat(input.commonAccount(List.of(wave(List.of("g-none"), null)))).isEmpty();
    }

    private static Wave wave(List<String> groupIds, String groupId) {
        return new Wave(0, "W", null, null, null, null, null, groupIds, groupId, null, null, null, null, null);
    }

    private static ProtectionGroup group(String id, String accountId) {
        return new ProtectionGroup(id, id, null, "us-east-1", accountId, null, null, null, null, null, null, null,
                null, null, null, null, null, 1L);
    }
}
