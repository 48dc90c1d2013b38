package dev.drsorchestrator.query.drs;

import dev.drsorchestrator.shared.drs.DrsLimits;
import java.util.Locale;
import java.util.Set;

/**
 * The capacity bands of one account's replicating servers against the DRS quota of 300 (the original's thresholds:
 * 200 INFO, 225 WARNING, 250 CRITICAL, 280 HYPER-CRITICAL), and which replication states count as replicating.
 */
public final class CapacityStatus {
    /** Replication states that do not hold one of the 300 replicating slots. */
    static final Set<String> NOT_REPLICATING = Set.of("DISCONNECTED", "STOPPED", "");

    private CapacityStatus() {
    }

    /** Whether a source server in this replication state holds a replicating slot. */
    public static boolean replicating(String replicationState) {
        return !NOT_REPLICATING.contains(replicationState == null ? "" : replicationState.toUpperCase(Locale.ROOT));
    }

    /** The band of a replicating-server count. */
    public static String of(int replicating) {
        if (replicating >= 280) {
            return "HYPER-CRITICAL";
        }
        if (replicating >= 250) {
            return "CRITICAL";
        }
        if (replicating >= 225) {
            return "WARNING";
        }
        if (replicating >= 200) {
            return "INFO";
        }
        return "OK";
    }

    /** Percent of the replicating quota in use, two decimals. */
    public static double percentUsed(int replicating) {
        return Math.round(replicating * 10000.0 / DrsLimits.MAX_REPLICATING_SERVERS) / 100.0;
    }

    /** Free replicating slots (never negative). */
    public static int available(int replicating) {
        return Math.max(0, DrsLimits.MAX_REPLICATING_SERVERS - replicating);
    }

    /** The operator-facing warning for a band, or null when OK. */
    public static String warning(String who, int replicating) {
        String band = of(replicating);
        return "OK".equals(band) ? null : band + ": " + who + " has " + replicating + " of "
                + DrsLimits.MAX_REPLICATING_SERVERS + " replicating servers";
    }
}
