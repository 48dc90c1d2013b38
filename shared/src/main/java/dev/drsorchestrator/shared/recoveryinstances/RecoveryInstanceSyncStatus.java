package dev.drsorchestrator.shared.recoveryinstances;

import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.store.RegionStatusStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of the last recovery-instance sync, kept so an operator (or a page deciding whether the cache is fresh)
 * can ask without running a sync. It is one item of the region-status table under a key no account can have
 * ({@link #KEY_ACCOUNT}), which the sync overwrites when it finishes.
 *
 * <pre>{@code
 * RecoveryInstanceSyncStatus status = new RecoveryInstanceSyncStatus(stores.regionStatuses());
 * Map<String, Object> last = status.read();   // {lastSync, status, instancesSynced, ...}
 * }</pre>
 */
public final class RecoveryInstanceSyncStatus {
    /** The status item's {@code accountId}: not a 12-digit account id, so no account query ever returns it. */
    static final String KEY_ACCOUNT = "#recovery-instance-sync";
    /** The status item's {@code region}. */
    static final String KEY_REGION = "last";
    /** Every pair was read. */
    public static final String COMPLETED = "COMPLETED";
    /** Some pairs (or accounts) could not be read; the rest were synced. */
    public static final String PARTIAL = "PARTIAL";
    /** The sync could not run at all (e.g. the accounts table was unreadable). */
    public static final String FAILED = "FAILED";
    /** No sync has finished yet. */
    public static final String NEVER_RUN = "NEVER_RUN";

    private final RegionStatusStore store;

    /** Status kept in the region-status table. */
    public RecoveryInstanceSyncStatus(RegionStatusStore store) {
        this.store = store;
    }

    /** Records a finished sync: COMPLETED without failures, PARTIAL with some. */
    public void recordFinished(RecoveryInstanceSyncReport report, String finishedAt) {
        boolean clean = report.failures().isEmpty();
        store.put(new RegionStatus(KEY_ACCOUNT, KEY_REGION, clean ? COMPLETED : PARTIAL, report.instancesSynced(),
                clean ? null : "PartialFailure",
                clean ? null : report.failures().size() + " account or region reads failed",
                clean ? null : Boolean.TRUE, finishedAt));
    }

    /** Records a sync that could not run, with the failure's type (never its message, which may hold details). */
    public void recordFailed(RuntimeException failure, String finishedAt) {
        store.put(new RegionStatus(KEY_ACCOUNT, KEY_REGION, FAILED, 0, failure.getClass().getSimpleName(),
                "Recovery-instance sync failed: " + failure.getClass().getSimpleName(), Boolean.TRUE, finishedAt));
    }

    /** The last outcome as the contract's {@code {lastSync, status, instancesSynced}} (plus the error, if any). */
    public Map<String, Object> read() {
        Optional<RegionStatus> last = store.get(KEY_ACCOUNT, KEY_REGION);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lastSync", last.map(RegionStatus::lastSyncedAt).orElse(null));
        out.put("status", last.map(RegionStatus::status).orElse(NEVER_RUN));
        out.put("instancesSynced", last.map(RegionStatus::serverCount).orElse(0));
        last.map(RegionStatus::errorMessage).ifPresent(message -> out.put("message", message));
        return out;
    }
}
