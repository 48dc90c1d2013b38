package dev.drsorchestrator.shared.groups;

import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.shared.store.InventoryStore;
import dev.drsorchestrator.shared.store.Page;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a tag selector to inventory servers. It reads one (account, region) partition of the inventory through
 * its index, page by page, never the whole table, so a request stays proportional to the servers of that region.
 * A server matches when every selector tag is present with the same value (keys and values compared exactly, as
 * DRS and EC2 do).
 */
public final class TagResolver {
    private static final int PAGE = 500;
    private final InventoryStore inventory;

    /** A resolver over the inventory. */
    public TagResolver(InventoryStore inventory) {
        this.inventory = inventory;
    }

    /** The servers of {@code accountId}/{@code region} whose tags include every selector tag. */
    public List<InventoryServer> resolve(String accountId, String region, Map<String, String> selector) {
        List<InventoryServer> matches = new ArrayList<>();
        if (selector.isEmpty()) {
            return matches;
        }
        String partition = InventoryServer.accountRegion(accountId, region);
        Optional<com.fasterxml.jackson.databind.node.ObjectNode> start = Optional.empty();
        do {
            Page<InventoryServer> page = inventory.listByAccountRegion(partition, PAGE, start);
            for (InventoryServer server : page.items()) {
                if (matches(server, selector)) {
                    matches.add(server);
                }
            }
            start = page.lastEvaluatedKey();
        } while (start.isPresent());
        return matches;
    }

    /** Whether a server's tags (EC2 tags, then DRS tags) hold every selector tag. */
    static boolean matches(InventoryServer server, Map<String, String> selector) {
        for (Map.Entry<String, String> wanted : selector.entrySet()) {
            String value = server.tags() == null ? null : server.tags().get(wanted.getKey());
            if (value == null && server.drsTags() != null) {
                value = server.drsTags().get(wanted.getKey());
            }
            if (!wanted.getValue().equals(value)) {
                return false;
            }
        }
        return true;
    }
}
