package dev.drsorchestrator.datamanagement.tagsync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.invocation.Invocation;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.model.TagSyncSettings;
import dev.drsorchestrator.shared.store.TagSyncConfigStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TagSyncSettingsOperationsTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final List<String> calls = new ArrayList<>();
    private final RuleScheduler scheduler = new RuleScheduler() {
        @Override
        public void schedule(String ruleName, int intervalHours, String description) {
            calls.add("put " + ruleName + " " + RuleScheduler.rate(intervalHours));
        }

        @Override
        public void disable(String ruleName) {
            calls.add("disable " + ruleName);
        }
    };

    private static OperationRequest request(Map<String, ?> body) {
        Invocation invocation = mock(Invocation.class);
        when(invocation.body()).thenReturn(Json.mapper().valueToTree(body));
        when(invocation.queryParameters()).thenReturn(Map.of());
        when(invocation.principal()).thenReturn(new dev.drsorchestrator.shared.security.Principal.Unknown());
        return new OperationRequest(invocation, Map.of(), "req-1");
    }

    @Test
    void update_shouldPutTheRuleThenStore_whenEnabled() {
        // GIVEN
        TagSyncConfigStore store = mock(TagSyncConfigStore.class);
        when(store.get()).thenReturn(Optional.empty());
        when(store.save(any(), eq(Optional.empty()))).thenAnswer(a -> ((TagSyncSettings) a.getArgument(0))
                .withVersion(1));
        var operations = new TagSyncSettingsOperations(store, scheduler, "tag-sync-rule", clock);
        // WHEN
        Map<String, Object> result = operations.update(request(Map.of("enabled", true, "intervalHours", 6)));
        // THEN
        assertThat(calls).containsExactly("put tag-sync-rule rate(6 hours)");
        assertThat(result).containsEntry("enabled", true).containsEntry("intervalHours", 6)
                .containsEntry("scheduleExpression", "rate(6 hours)");
    }

    @Test
    void update_shouldRefuseBeforeTouchingTheRule_whenTheIntervalIsOutOfRange() {
        // GIVEN
        TagSyncConfigStore store = mock(TagSyncConfigStore.class);
        when(store.get()).thenReturn(Optional.empty());
        var operations = new TagSyncSettingsOperations(store, scheduler, "tag-sync-rule", clock);
        // WHEN / THEN
        assertThatThrownBy(() -> operations.update(request(Map.of("enabled", true, "intervalHours", 25))))
                .hasMessage("Field 'intervalHours' must be an integer from 1 to 24");
        assertThat(calls).isEmpty();
        verify(store, never()).save(any(), any());
    }

    @Test
    void update_shouldRestoreTheRule_whenStoringLosesARace() {
        // GIVEN stored settings enabled at 4 h, and a concurrent writer that wins
        TagSyncConfigStore store = mock(TagSyncConfigStore.class);
        TagSyncSettings stored = new TagSyncSettings("tag-sync", true, 4, null, null, null, "a", Instant.EPOCH, 3L);
        when(store.get()).thenReturn(Optional.of(stored));
        when(store.save(any(), eq(Optional.of(3L)))).thenThrow(new ConflictException("changed"));
        var operations = new TagSyncSettingsOperations(store, scheduler, "tag-sync-rule", clock);
        // WHEN / THEN
        assertThatThrownBy(() -> operations.update(request(Map.of("enabled", false))))
                .isInstanceOf(ConflictException.class);
        assertThat(calls).containsExactly("disable tag-sync-rule", "put tag-sync-rule rate(4 hours)");
    }

    @Test
    void update_shouldStoreTheInstanceTypeCopy_whenRequestedAndKeepItWhenLaterOmitted() {
        // GIVEN stored settings without the copy
        TagSyncConfigStore store = mock(TagSyncConfigStore.class);
        TagSyncSettings stored = new TagSyncSettings("tag-sync", true, 4, null, null, null, "a", Instant.EPOCH, 3L);
        when(store.get()).thenReturn(Optional.of(stored));
        when(store.save(any(), eq(Optional.of(3L)))).thenAnswer(a -> ((TagSyncSettings) a.getArgument(0))
                .withVersion(4));
        var operations = new TagSyncSettingsOperations(store, scheduler, "tag-sync-rule", clock);
        // WHEN
        Map<String, Object> result = operations.update(request(Map.of("enabled", true, "syncInstanceType", true)));
        // THEN
        org.mockito.ArgumentCaptor<TagSyncSettings> saved = org.mockito.ArgumentCaptor.forClass(TagSyncSettings.class);
        verify(store).save(saved.capture(), eq(Optional.of(3L)));
        assertThat(saved.getValue().syncInstanceType()).isTrue();
        assertThat(result).containsEntry("syncInstanceType", true).containsEntry("version", 4L);

        // GIVEN the copy is now stored
        TagSyncSettings withCopy = saved.getValue().withVersion(4);
        when(store.get()).thenReturn(Optional.of(withCopy));
        when(store.save(any(), eq(Optional.of(4L)))).thenAnswer(a -> ((TagSyncSettings) a.getArgument(0))
                .withVersion(5));
        // WHEN the next update does not mention it
        Map<String, Object> next = operations.update(request(Map.of("enabled", true, "intervalHours", 2)));
        // THEN it stays on
        assertThat(next).containsEntry("syncInstanceType", true);
    }
}
