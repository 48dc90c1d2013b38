package dev.drsorchestrator.shared.staging;

/**
 * What staging sync did with one extensible server.
 *
 * @param targetAccountId  the account it was extended into
 * @param stagingAccountId the staging account it replicates through
 * @param region           the region
 * @param sourceServerArn  the staging account's server
 * @param hostname         its hostname
 * @param status           EXTENDED, ALREADY_EXTENDED or FAILED
 * @param sourceServerId   the new server in the target account (EXTENDED only)
 * @param reason           why DRS refused (FAILED only), e.g. the default EBS key rejection
 */
public record StagingServerResult(String targetAccountId, String stagingAccountId, String region,
                                  String sourceServerArn, String hostname, String status, String sourceServerId,
                                  String reason) {
    /** The server was extended by this sync. */
    public static final String EXTENDED = "EXTENDED";
    /** DRS reports the server as extended already. */
    public static final String ALREADY_EXTENDED = "ALREADY_EXTENDED";
    /** DRS refused to extend the server. */
    public static final String FAILED = "FAILED";
}
