package dev.drsorchestrator.shared.inventory;

import dev.drsorchestrator.shared.model.RegionStatus;
import dev.drsorchestrator.shared.store.RegionStatusStore;
import dev.drsorchestrator.shared.validation.DrsRegions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The active-region filter: the DRS regions of the hub's partition, minus those where the last sync found DRS not
 * initialized for that account (re-probed once that finding is older than the re-probe interval). An account with
 * no status yet gets every region. Cached per account for a TTL and invalidated at the end of each sync, so staging
 * and recovery-instance sync reuse what inventory sync learned.
 */
public final class ActiveRegions {
    private final RegionStatusStore statuses;
    private final Clock clock;
    private final Duration ttl;
    private final Duration reprobeAfter;
    private final List<String> partitionRegions;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(List<String> regions, Instant expires) {
    }

    /** A filter for a hub in {@code homeRegion} ({@code us-gov-*} hubs see GovCloud regions, others the rest). */
    public ActiveRegions(RegionStatusStore statuses, Clock clock, Duration ttl, Duration reprobeAfter,
            String homeRegion) {
        this.statuses = statuses;
        this.clock = clock;
        this.ttl = ttl;
        this.reprobeAfter = reprobeAfter;
        boolean gov = homeRegion.startsWith("us-gov-");
        this.partitionRegions = DrsRegions.ALL.stream().filter(r -> r.startsWith("us-gov-") == gov).toList();
    }

    /** The regions to query for an account, in {@link DrsRegions#ALL} order. */
    public List<String> regions(String accountId) {
        Instant now = clock.instant();
        Cached cached = cache.get(accountId);
        if (cached != null && now.isBefore(cached.expires())) {
            return cached.regions();
        }
        List<String> regions = compute(accountId, now);
        cache.put(accountId, new Cached(regions, now.plus(ttl)));
        return regions;
    }

    /** Forgets every cached filter (end of a sync). */
    public void invalidate() {
        cache.clear();
    }

    private List<String> compute(String accountId, Instant now) {
        Map<String, RegionStatus> byRegion = new HashMap<>();
        statuses.listByAccount(accountId).forEach(s -> byRegion.put(s.region(), s));
        List<String> out = new ArrayList<>();
        for (String region : partitionRegions) {
            RegionStatus status = byRegion.get(region);
            if (status == null || !RegionErrors.NOT_INITIALIZED.equals(status.status())
                    || olderThanReprobe(status, now)) {
                out.add(region);
            }
        }
        return List.copyOf(out);
    }

    private boolean olderThanReprobe(RegionStatus status, Instant now) {
        try {
            return status.lastSyncedAt() == null
                    || !Instant.parse(status.lastSyncedAt()).plus(reprobeAfter).isAfter(now);
        } catch (DateTimeParseException e) {
            return true;
        }
    }
}
