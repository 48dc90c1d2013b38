package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.store.RegionStatusStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the region status of each (account, region): one at a time (sequential reference) or an account's regions in
 * batches once they have all finished (parallel pipeline). A failed status write is logged and does not fail the sync:
 * the status is advisory and the next sync rewrites it.
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

    /** Records one account's statuses in batches (one call per 25 regions instead of one each). */
    public void recordAll(List<RegionStatus> statuses) {
        if (statuses.isEmpty()) {
            return;
        }
        try {
            List<String> failed = store.putAll(statuses);
            if (!failed.isEmpty()) {
                LOG.error("Region status writes failed for {}", failed);
            }
        } catch (RuntimeException e) {
            LOG.error("Region status writes failed for {} regions of {}", statuses.size(),
                    statuses.get(0).accountId(), e);
        }
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
