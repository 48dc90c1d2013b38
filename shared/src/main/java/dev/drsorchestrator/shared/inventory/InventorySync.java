package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seed unit 1, {@code handle_sync_source_server_inventory}: picks the pipeline by the rollback flag, runs it, emits
 * the metrics and the summary line, and answers in the seed's response shape. No business logic lives here.
 *
 * <pre>{@code
 * InventorySync sync = InventorySync.create(stores, gateways, core.crossAccount(), InventorySettings.from(env), clock);
 * SyncResponse response = sync.run();
 * }</pre>
 */
public final class InventorySync {
    private static final Logger LOG = LoggerFactory.getLogger(InventorySync.class);

    private final InventoryUnits units;
    private final InventorySettings settings;

    /** An orchestrator over the shared units. */
    public InventorySync(InventoryUnits units, InventorySettings settings) {
        this.units = units;
        this.settings = settings;
    }

    /** The pipeline the flag selects (logging the seed's warning on rollback). */
    public InventoryPipeline pipeline() {
        if (settings.useRefactored()) {
            return new ParallelInventorySync(units, settings);
        }
        LOG.warn("Using legacy inventory sync implementation");
        return new SequentialInventorySync(units);
    }

    /** Runs one sync: 200 with counts, or 500 when it could not run. */
    public SyncResponse run() {
        Instant start = units.clock().instant();
        InventoryPipeline pipeline = pipeline();
        try {
            SyncOutcome outcome = pipeline.run();
            Instant end = units.clock().instant();
            SyncMetrics.emit(outcome, pipeline.name(), Duration.between(start, end), end);
            LOG.info(summary(outcome, pipeline.name(), Duration.between(start, end)));
            return SyncResponse.success(outcome);
        } catch (RuntimeException e) {
            LOG.error("Inventory sync failed", e);
            return SyncResponse.error(e.getClass().getSimpleName());
        }
    }

    static String summary(SyncOutcome outcome, String pipeline, Duration duration) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("event", "inventory_sync_summary");
        line.put("pipeline", pipeline);
        line.put("serverCount", outcome.serverCount());
        line.put("successCount", outcome.successCount());
        line.put("failureCount", outcome.failureCount());
        line.put("regionCount", outcome.regionCount());
        line.put("failedRegions", outcome.failures().size());
        line.put("skippedAccounts", outcome.skippedAccounts());
        line.put("staleRemoved", outcome.staleRemoved());
        line.put("durationMs", duration.toMillis());
        return Json.write(line);
    }
}
