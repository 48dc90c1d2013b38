package dev.drsorchestrator.shared.recoveryinstances;

import java.util.List;

/**
 * What one recovery-instance sync did.
 *
 * @param instancesSynced instances written to the cache
 * @param regionsScanned  (account, region) pairs queried
 * @param staleRemoved    cached instances DRS no longer returns, removed
 * @param failures        pairs that could not be read, e.g. {@code {accountId, region, errorType, message}}
 */
public record RecoveryInstanceSyncReport(int instancesSynced, int regionsScanned, int staleRemoved,
                                         List<RegionFailure> failures) {
    public RecoveryInstanceSyncReport {
        failures = List.copyOf(failures);
    }

    /**
     * One (account, region) that could not be read; its cached instances are kept untouched.
     *
     * @param accountId account
     * @param region    region (null when the account itself was unreachable)
     * @param errorType seed 002 error type
     * @param message   what went wrong
     */
    public record RegionFailure(String accountId, String region, String errorType, String message) {
    }
}
