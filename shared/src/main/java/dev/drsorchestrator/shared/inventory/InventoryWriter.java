package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.shared.store.BatchWriteResult;
import dev.drsorchestrator.shared.store.InventoryStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed unit 9, {@code write_inventory_to_dynamodb}: BatchWriteItem 25 at a time with UnprocessedItems retried under
 * backoff (by {@link InventoryStore}), per-item failures counted, never thrown; plus the removal of servers DRS no
 * longer returns, which callers invoke only for (account, region) pairs whose query succeeded.
 */
public final class InventoryWriter {
    private static final Logger LOG = LoggerFactory.getLogger(InventoryWriter.class);

    private final InventoryStore store;

    /** A writer over the inventory table. */
    public InventoryWriter(InventoryStore store) {
        this.store = store;
    }

    /** Writes the servers; {@code (0, 0)} for none. A table outage counts every server as failed. */
    public WriteCounts write(List<InventoryServer> servers) {
        if (servers.isEmpty()) {
            return WriteCounts.NONE;
        }
        try {
            BatchWriteResult result = store.writeAll(servers);
            if (result.failureCount() > 0) {
                LOG.error("Failed to write {} of {} servers to the inventory: {}", result.failureCount(),
                        servers.size(), result.failedIds().stream().limit(20).toList());
            }
            return new WriteCounts(result.successCount(), result.failureCount());
        } catch (RuntimeException e) {
            LOG.error("Inventory write of {} servers failed", servers.size(), e);
            return new WriteCounts(0, servers.size());
        }
    }

    /**
     * The ids stored for {@code accountRegion} now, read while DRS is still being queried so that stale detection
     * needs no read after the write; empty when the read fails (the caller then falls back to
     * {@link #removeStale}).
     */
    public Optional<Set<String>> existingIds(String accountRegion) {
        try {
            return Optional.of(store.idsOf(accountRegion));
        } catch (RuntimeException e) {
            LOG.warn("Could not read the stored ids of {}; stale removal will query after the write: {}",
                    accountRegion, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** Deletes {@code staleIds} of {@code accountRegion}; returns how many; 0 when that fails. */
    public int removeKnownStale(String accountRegion, Set<String> staleIds) {
        if (staleIds.isEmpty()) {
            return 0;
        }
        try {
            int removed = store.deleteAll(staleIds);
            LOG.info("Removed {} servers no longer in DRS from {}", removed, accountRegion);
            return removed;
        } catch (RuntimeException e) {
            LOG.error("Stale-record removal failed for {}", accountRegion, e);
            return 0;
        }
    }

    /** Removes the servers of {@code accountRegion} not in {@code keepIds}; returns how many; 0 when that fails. */
    public int removeStale(String accountRegion, Set<String> keepIds) {
        try {
            int removed = store.deleteStale(accountRegion, keepIds);
            if (removed > 0) {
                LOG.info("Removed {} servers no longer in DRS from {}", removed, accountRegion);
            }
            return removed;
        } catch (RuntimeException e) {
            LOG.error("Stale-record removal failed for {}", accountRegion, e);
            return 0;
        }
    }
}
