package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.gateway.AccountContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * Seed unit 4, {@code query_drs_all_regions}: one account's active regions, each queried as its own task on the given
 * executor (a bounded pool for the parallel pipeline, the calling thread for the sequential one). Each result is
 * handed to {@code onResult} the moment its region finishes, so downstream work never waits for the slowest region.
 */
public final class DrsAllRegionsQuery {
    private final ActiveRegions activeRegions;
    private final DrsRegionQuery regionQuery;

    /** Queries the active regions of each account with the single-region unit. */
    public DrsAllRegionsQuery(ActiveRegions activeRegions, DrsRegionQuery regionQuery) {
        this.activeRegions = activeRegions;
        this.regionQuery = regionQuery;
    }

    /**
     * Queries every active region of the account; completes with one result per region (in region order) after
     * {@code onResult} has processed each. {@code onResult} runs on the executor's threads and may return a changed
     * result (the enriched one), which is what the returned list holds.
     */
    public CompletableFuture<List<RegionResult>> query(InventoryAccount account, AccountContext context,
            String syncedAt, Executor executor, Function<RegionResult, RegionResult> onResult) {
        List<CompletableFuture<RegionResult>> futures = new ArrayList<>();
        for (String region : activeRegions.regions(account.accountId())) {
            futures.add(CompletableFuture.supplyAsync(
                    () -> onResult.apply(regionQuery.query(account.accountId(), context, region, syncedAt)),
                    executor));
        }
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(done -> futures.stream().map(CompletableFuture::join).toList());
    }
}
