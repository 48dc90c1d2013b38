package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.model.InventoryServer;
import dev.drsorchestrator.shared.model.RegionStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production pipeline: accounts resolve in parallel (bounded pool), each account's regions are queried in a
 * second bounded pool, and each region is enriched and handed to the {@link StreamingWriter} the moment it finishes,
 * so reads and writes overlap and nothing waits for the slowest region. While DRS is queried, the ids the table holds
 * for the region are read on a small lookup pool, so stale items are known without a read after the write; an
 * account's region statuses are written in batches once its regions are done. Results equal the sequential
 * reference's.
 */
public final class ParallelInventorySync implements InventoryPipeline {
    private static final Logger LOG = LoggerFactory.getLogger(ParallelInventorySync.class);

    private final InventoryUnits units;
    private final InventorySettings settings;

    /** The parallel pipeline over the shared units, sized by {@code settings}. */
    public ParallelInventorySync(InventoryUnits units, InventorySettings settings) {
        this.units = units;
        this.settings = settings;
    }

    @Override
    public String name() {
        return "parallel";
    }

    @Override
    public SyncOutcome run() {
        String syncedAt = units.clock().instant().toString();
        List<InventoryAccount> accounts = units.collector().collect();
        AccountContexts contexts = new AccountContexts(accounts);
        ExecutorService accountPool = Executors.newFixedThreadPool(
                Math.max(1, Math.min(settings.accountThreads(), accounts.size())), threads("inventory-account"));
        ExecutorService regionPool = Executors.newFixedThreadPool(settings.regionThreads(),
                threads("inventory-region"));
        ExecutorService lookupPool = Executors.newFixedThreadPool(settings.writerThreads(),
                threads("inventory-lookup"));
        StreamingWriter writer = StreamingWriter.start(units.writer(), settings.writerThreads(),
                settings.queueCapacity());
        List<String> skipped = Collections.synchronizedList(new ArrayList<>());
        AtomicLong serverCount = new AtomicLong();
        try {
            List<CompletableFuture<List<RegionResult>>> perAccount = new ArrayList<>();
            for (InventoryAccount account : accounts) {
                perAccount.add(CompletableFuture.supplyAsync(() -> units.credentials().resolve(account), accountPool)
                        .thenCompose(context -> {
                            if (context.isEmpty()) {
                                skipped.add(account.accountId());
                                return CompletableFuture.completedFuture(List.<RegionResult>of());
                            }
                            Map<String, CompletableFuture<Optional<Set<String>>>> stored =
                                    lookups(account.accountId(), lookupPool);
                            List<RegionStatus> statuses = Collections.synchronizedList(new ArrayList<>());
                            return units.allRegions().query(account, context.get(), syncedAt, regionPool,
                                    result -> process(result, stored.get(result.region()), contexts, writer,
                                            serverCount, status -> statuses.add(
                                                    RegionStatusRecorder.statusOf(status, syncedAt))))
                                    .thenApply(results -> {
                                        units.statuses().recordAll(List.copyOf(statuses));
                                        return results;
                                    });
                        }));
            }
            List<RegionResult> results = new ArrayList<>();
            perAccount.forEach(f -> results.addAll(f.join()));
            StreamingWriter.Totals totals = writer.finish();
            return Outcomes.of(results, (int) serverCount.get(), totals.counts(), skipped, totals.staleRemoved());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.abort();
            throw new IllegalStateException("Inventory sync interrupted", e);
        } catch (RuntimeException e) {
            writer.abort();
            throw e;
        } finally {
            accountPool.shutdownNow();
            regionPool.shutdownNow();
            lookupPool.shutdownNow();
            units.activeRegions().invalidate();
        }
    }

    private Map<String, CompletableFuture<Optional<Set<String>>>> lookups(String accountId,
            ExecutorService lookupPool) {
        Map<String, CompletableFuture<Optional<Set<String>>>> out = new HashMap<>();
        for (String region : units.activeRegions().regions(accountId)) {
            String accountRegion = InventoryServer.accountRegion(accountId, region);
            out.put(region, CompletableFuture.supplyAsync(() -> units.writer().existingIds(accountRegion),
                    lookupPool));
        }
        return out;
    }

    private RegionResult process(RegionResult result, CompletableFuture<Optional<Set<String>>> stored,
            AccountContexts contexts, StreamingWriter writer, AtomicLong serverCount,
            Consumer<RegionResult> statuses) {
        RegionResult out = result;
        if (result instanceof RegionResult.Success s) {
            out = s.withServers(units.enricher().enrich(s.servers(), contexts));
        }
        statuses.accept(out);
        if (out instanceof RegionResult.Success s) {
            serverCount.addAndGet(s.servers().size());
            try {
                writer.submit(s, stored == null ? Optional.empty() : stored.join());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                LOG.error("Interrupted before writing {} servers of {}", s.servers().size(),
                        InventoryServer.accountRegion(s.accountId(), s.region()));
            }
            return new RegionResult.Success(s.accountId(), s.region(), List.of());
        }
        return out;
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
