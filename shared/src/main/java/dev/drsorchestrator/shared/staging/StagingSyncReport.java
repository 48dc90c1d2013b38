package dev.drsorchestrator.shared.staging;

import java.util.List;

/**
 * The result of one staging sync: counts, one entry per server touched, and the (account, region) pairs that could not
 * be listed at all.
 *
 * @param targetAccountsProcessed target accounts with at least one staging account
 * @param added                   servers extended by this run
 * @param alreadyExtended         servers DRS reported as already extended
 * @param failed                  servers DRS refused
 * @param servers                 per-server results
 * @param failures                listing failures, e.g. {@code {targetAccountId, stagingAccountId, region, errorType,
 *                                message}}
 */
public record StagingSyncReport(int targetAccountsProcessed, int added, int alreadyExtended, int failed,
                                List<StagingServerResult> servers, List<StagingFailure> failures) {
    public StagingSyncReport {
        servers = List.copyOf(servers);
        failures = List.copyOf(failures);
    }

    /**
     * A staging account that could not be listed in a region.
     *
     * @param targetAccountId  target account
     * @param stagingAccountId staging account
     * @param region           region
     * @param errorType        seed 002 error type
     * @param message          what went wrong
     */
    public record StagingFailure(String targetAccountId, String stagingAccountId, String region, String errorType,
                                 String message) {
    }
}
