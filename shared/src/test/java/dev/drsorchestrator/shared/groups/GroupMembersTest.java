package dev.drsorchestrator.shared.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.store.InventoryStore;
import dev.drsorchestrator.shared.store.Page;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GroupMembersTest {
    private static final String HUB = "111111111111";

    private static InventoryServer server(String id, Map<String, String> tags) {
        return new InventoryServer(id, HUB, "us-west-2", HUB + "#us-west-2", null, null, null, null, null, null,
                null, null, null, null, null, null, null, "CONTINUOUS", null, null, null, null, null, List.of(),
                Map.of(), tags, null);
    }

    private static ProtectionGroup group(String accountId, List<String> explicit, Map<String, String> selector) {
        return new ProtectionGroup("g-1", "web", null, "us-west-2", accountId, null, null, selector, explicit, null,
                List.of(), null, null, null, null, null, null, 1L);
    }

    @Test
    void of_shouldAddTagMatchesAfterExplicitServers_whenAHubGroupSelectsByTag() {
        // GIVEN an inventory of three hub servers, two tagged Tier=web
        InventoryStore inventory = mock(InventoryStore.class);
        when(inventory.listByAccountRegion(eq(HUB + "#us-west-2"), anyInt(), any())).thenReturn(new Page<>(List.of(
                server("s-1", Map.of("Tier", "web")), server("s-2", Map.of("Tier", "db")),
                server("s-3", Map.of("Tier", "web", "Name", "w3"))), Optional.empty()));
        GroupMembers members = new GroupMembers(new TagResolver(inventory));
        ProtectionGroup group = group(null, List.of("s-9"), Map.of("Tier", "web"));

        // WHEN its members are resolved with the hub as default account
        // THEN the explicit server comes first, then the tag matches
        assertThat(members.of(group, HUB)).containsExactly("s-9", "s-1", "s-3");
    }

    @Test
    void of_shouldResolveNoTags_whenTheGroupNamesNoAccountAndNoDefaultIsGiven() {
        // GIVEN a hub group selecting by tag WHEN resolved without a default account THEN only explicit servers
        InventoryStore inventory = mock(InventoryStore.class);
        GroupMembers members = new GroupMembers(new TagResolver(inventory));
        assertThat(members.of(group(null, List.of("s-9"), Map.of("Tier", "web")))).containsExactly("s-9");
        verify(inventory, never()).listByAccountRegion(any(), anyInt(), any());
    }
}
