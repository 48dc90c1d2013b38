package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.model.InventoryServer;
import java.util.List;

/**
 * What querying DRS in one (account, region) produced: every server (the query paginated to the end) or one of seed
 * 002's error types with its user message and retryable flag. Never both, never neither.
 */
public sealed interface RegionResult {
    /** The account queried. */
    String accountId();

    /** The region queried. */
    String region();

    /**
     * The query read every page.
     *
     * @param accountId account
     * @param region    region
     * @param servers   every server DRS returned, normalized (and enriched once enrichment ran)
     */
    record Success(String accountId, String region, List<InventoryServer> servers) implements RegionResult {
        public Success {
            servers = List.copyOf(servers);
        }

        /** The same result with other servers (the enriched ones). */
        public Success withServers(List<InventoryServer> replaced) {
            return new Success(accountId, region, replaced);
        }
    }

    /**
     * The query failed; nothing of this region is written or deleted.
     *
     * @param accountId    account
     * @param region       region
     * @param errorType    one of the seed's 8 error types, e.g. {@code ThrottlingException}
     * @param errorMessage the seed's user message for that type
     * @param retryable    whether a later sync may succeed unchanged
     * @param status       region status to record: NOT_INITIALIZED, THROTTLED or ERROR
     */
    record Failure(String accountId, String region, String errorType, String errorMessage, boolean retryable,
                   String status) implements RegionResult {
    }
}
