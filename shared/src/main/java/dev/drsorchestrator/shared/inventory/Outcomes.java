package dev.drsorchestrator.shared.inventory;

import java.util.Comparator;
import java.util.List;

/** Builds a {@link SyncOutcome} the same way for both pipelines. */
final class Outcomes {
    private Outcomes() {
    }

    static SyncOutcome of(List<RegionResult> results, int serverCount, WriteCounts counts, List<String> skipped,
            int staleRemoved) {
        List<RegionResult.Failure> failures = results.stream().filter(RegionResult.Failure.class::isInstance)
                .map(RegionResult.Failure.class::cast)
                .sorted(Comparator.comparing(RegionResult.Failure::accountId)
                        .thenComparing(RegionResult.Failure::region))
                .toList();
        return new SyncOutcome(serverCount, counts.successCount(), counts.failureCount(), results.size(),
                skipped.stream().sorted().toList(), staleRemoved, failures);
    }
}
