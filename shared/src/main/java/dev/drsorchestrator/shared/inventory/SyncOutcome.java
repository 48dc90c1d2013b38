package dev.drsorchestrator.shared.inventory;

import java.util.List;

/**
 * What one inventory sync did, the same shape for both pipelines so equivalence tests compare like with like.
 *
 * @param serverCount     servers DRS returned in every successful region
 * @param successCount    servers written
 * @param failureCount    servers not written
 * @param regionCount     (account, region) pairs queried
 * @param skippedAccounts accounts whose AssumeRole failed
 * @param staleRemoved    inventory items removed because DRS no longer returns them
 * @param failures        the failed regions, in (account, region) order
 */
public record SyncOutcome(int serverCount, int successCount, int failureCount, int regionCount,
                          List<String> skippedAccounts, int staleRemoved, List<RegionResult.Failure> failures) {
    public SyncOutcome {
        skippedAccounts = List.copyOf(skippedAccounts);
        failures = List.copyOf(failures);
    }
}
