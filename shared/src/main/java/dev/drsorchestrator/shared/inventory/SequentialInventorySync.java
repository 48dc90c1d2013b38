package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.model.InventoryServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The sequential reference implementation of seed 002's pipeline: one account after another, one region after
 * another, everything written at the end. Kept as the oracle the parallel pipeline is compared against and as the
 * rollback path ({@code USE_REFACTORED_INVENTORY_SYNC=false}); it uses the very same units.
 */
public final class SequentialInventorySync implements InventoryPipeline {
    private final InventoryUnits units;

    /** The sequential pipeline over the shared units. */
    public SequentialInventorySync(InventoryUnits units) {
        this.units = units;
    }

    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public SyncOutcome run() {
        String syncedAt = units.clock().instant().toString();
        List<InventoryAccount> accounts = units.collector().collect();
        AccountContexts contexts = new AccountContexts(accounts);
        List<String> skipped = new ArrayList<>();
        List<RegionResult> results = new ArrayList<>();
        List<InventoryServer> servers = new ArrayList<>();
        try {
            for (InventoryAccount account : accounts) {
                Optional<AccountContext> context = units.credentials().resolve(account);
                if (context.isEmpty()) {
                    skipped.add(account.accountId());
                    continue;
                }
                List<RegionResult> accountResults = units.allRegions().query(account, context.get(), syncedAt,
                        Runnable::run, result -> {
                            units.statuses().record(result, syncedAt);
                            return result;
                        }).join();
                List<InventoryServer> found = new ArrayList<>();
                accountResults.stream().filter(RegionResult.Success.class::isInstance)
                        .forEach(r -> found.addAll(((RegionResult.Success) r).servers()));
                servers.addAll(units.enricher().enrich(found, contexts));
                results.addAll(accountResults);
            }
            WriteCounts counts = units.writer().write(servers);
            int removed = 0;
            for (RegionResult result : results) {
                if (result instanceof RegionResult.Success s) {
                    Set<String> keep = new HashSet<>();
                    s.servers().forEach(server -> keep.add(server.sourceServerId()));
                    removed += units.writer().removeStale(
                            InventoryServer.accountRegion(s.accountId(), s.region()), keep);
                }
            }
            return Outcomes.of(results, servers.size(), counts, skipped, removed);
        } finally {
            units.activeRegions().invalidate();
        }
    }
}
