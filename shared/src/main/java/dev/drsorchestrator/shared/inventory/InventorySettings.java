package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.config.Env;
import java.time.Duration;

/**
 * The knobs of inventory sync, read once from {@link Env} so an operator can tune pool sizes without a deploy.
 *
 * @param useRefactored     {@code USE_REFACTORED_INVENTORY_SYNC} (default true): the parallel pipeline; false is the
 *                          sequential rollback path
 * @param accountThreads    {@code INVENTORY_ACCOUNT_THREADS} (default 8): accounts resolved in parallel
 * @param regionThreads     {@code INVENTORY_REGION_THREADS} (default 32): (account, region) queries in parallel
 * @param writerThreads     {@code INVENTORY_WRITER_THREADS} (default 4): concurrent BatchWriteItem streams
 * @param queueCapacity     {@code INVENTORY_QUEUE_CAPACITY} (default 64): finished regions waiting for the writer
 * @param pageSize          {@code INVENTORY_DRS_PAGE_SIZE} (default 1000): servers per DescribeSourceServers page
 * @param activeRegionTtl   {@code ACTIVE_REGION_CACHE_TTL_SECONDS} (default 300): how long the active-region filter
 *                          is cached between syncs
 * @param reprobeAfter      {@code INVENTORY_REPROBE_MINUTES} (default 60): a region where DRS was not initialized is
 *                          queried again once its status is this old
 */
public record InventorySettings(boolean useRefactored, int accountThreads, int regionThreads, int writerThreads,
                                int queueCapacity, int pageSize, Duration activeRegionTtl, Duration reprobeAfter) {
    /** The environment variable of the rollback flag (seed 002). */
    public static final String FLAG = "USE_REFACTORED_INVENTORY_SYNC";

    /** Settings from the environment, with the defaults above. */
    public static InventorySettings from(Env env) {
        return new InventorySettings(env.flag(FLAG, true),
                env.positiveInt("INVENTORY_ACCOUNT_THREADS", 8),
                env.positiveInt("INVENTORY_REGION_THREADS", 32),
                env.positiveInt("INVENTORY_WRITER_THREADS", 4),
                env.positiveInt("INVENTORY_QUEUE_CAPACITY", 64),
                Math.min(1000, env.positiveInt("INVENTORY_DRS_PAGE_SIZE", 1000)),
                Duration.ofSeconds(env.positiveInt("ACTIVE_REGION_CACHE_TTL_SECONDS", 300)),
                Duration.ofMinutes(env.positiveInt("INVENTORY_REPROBE_MINUTES", 60)));
    }
}
