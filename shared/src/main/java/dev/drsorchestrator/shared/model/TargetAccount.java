package dev.drsorchestrator.shared.model;

import java.time.Instant;
import java.util.List;

/**
 * An AWS account recoveries launch into, with the role (name or ARN) and external id used to reach it and its
 * staging accounts.
 *
 * @param accountId           key
 * @param accountName         display name
 * @param roleArn             role ARN assumed in the account
 * @param crossAccountRoleArn alias of {@code roleArn} the original frontend sends
 * @param assumeRoleName      role name, when given instead of an ARN
 * @param externalId          external id of the AssumeRole
 * @param isCurrentAccount    whether this is the account the orchestrator runs in
 * @param status              last validation result
 * @param lastValidated       ISO-8601
 * @param error               last validation error
 * @param stagingAccounts     staging accounts
 * @param createdBy           creator
 * @param createdAt           creation time
 * @param updatedBy           last editor
 * @param updatedAt           last change
 * @param version             optimistic-locking version
 */
public record TargetAccount(
        String accountId,
        String accountName,
        String roleArn,
        String crossAccountRoleArn,
        String assumeRoleName,
        String externalId,
        Boolean isCurrentAccount,
        String status,
        String lastValidated,
        String error,
        List<StagingAccount> stagingAccounts,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        Long version) {

    /** Copies the staging accounts. */
    public TargetAccount {
        stagingAccounts = Copies.list(stagingAccounts);
    }

    /** This account with another version. */
    public TargetAccount withVersion(long newVersion) {
        return new TargetAccount(accountId, accountName, roleArn, crossAccountRoleArn, assumeRoleName, externalId,
                isCurrentAccount, status, lastValidated, error, stagingAccounts, createdBy, createdAt, updatedBy,
                updatedAt, newVersion);
    }
}
