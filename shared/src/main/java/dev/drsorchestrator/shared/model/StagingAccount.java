package dev.drsorchestrator.shared.model;

/**
 * An account whose DRS staging area replicates servers for a target account; kept as a list on its target account.
 *
 * @param accountId        the staging account
 * @param accountName      display name
 * @param roleArn          role assumed in it
 * @param externalId       external id of that AssumeRole
 * @param addedAt          ISO-8601
 * @param addedBy          who added it
 * @param status           last validation result
 * @param serverCount      servers seen at last sync
 * @param replicatingCount servers replicating at last sync
 */
public record StagingAccount(
        String accountId,
        String accountName,
        String roleArn,
        String externalId,
        String addedAt,
        String addedBy,
        String status,
        Integer serverCount,
        Integer replicatingCount) {
}
