package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.store.RegionStatusStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the region status of one (account, region) as soon as its query finishes. A failed status write is logged and
 * does not fail the sync: the status is advisory and the next sync rewrites it.
 */
public final class RegionStatusRecorder {
    private static final Logger LOG = LoggerFactory.getLogger(RegionStatusRecorder.class);

    private final RegionStatusStore store;

    /** A recorder over the region-status table. */
    public RegionStatusRecorder(RegionStatusStore store) {
        this.store = store;
    }

    /** The status a result records. */
    public static RegionStatus statusOf(RegionResult result, String syncedAt) {
        if (result instanceof RegionResult.Success s) {
            return new RegionStatus(s.accountId(), s.region(), RegionErrors.ACTIVE, s.servers().size(), null, null,
                    null, syncedAt);
        }
        RegionResult.Failure f = (RegionResult.Failure) result;
        return new RegionStatus(f.accountId(), f.region(), f.status(), 0, f.errorType(), f.errorMessage(),
                f.retryable(), syncedAt);
    }

    /** Records the result. */
    public void record(RegionResult result, String syncedAt) {
        try {
            store.put(statusOf(result, syncedAt));
        } catch (RuntimeException e) {
            LOG.error("Region status write failed for {} in {}", result.accountId(), result.region(), e);
        }
    }
}
