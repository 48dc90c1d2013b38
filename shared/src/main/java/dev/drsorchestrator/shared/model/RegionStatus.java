package dev.drsorchestrator.shared.model;

/**
 * The outcome of the last inventory sync of one (account, region): servers found, or the error type of seed 002 and
 * whether a retry may help. Key {@code accountId} + {@code region}.
 *
 * @param accountId    key
 * @param region       sort key
 * @param status       e.g. ACTIVE, NOT_INITIALIZED, ERROR
 * @param serverCount  servers found
 * @param errorType    one of the seed's 8 error types, absent on success
 * @param errorMessage error detail, absent on success
 * @param retryable    whether the error is transient
 * @param lastSyncedAt ISO-8601 (the wire's {@code lastUpdated})
 */
public record RegionStatus(
        String accountId,
        String region,
        String status,
        Integer serverCount,
        String errorType,
        String errorMessage,
        Boolean retryable,
        String lastSyncedAt) {
}
