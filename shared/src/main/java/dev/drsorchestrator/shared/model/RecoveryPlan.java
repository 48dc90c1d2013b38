package dev.drsorchestrator.shared.model;

import java.time.Instant;
import java.util.List;

/**
 * An ordered set of waves recovering protection groups; {@code version} is the optimistic-locking counter and the
 * store writes {@code nameLower} from {@code planName}.
 *
 * @param planId              key
 * @param planName            unique name (case-insensitive)
 * @param description         free text
 * @param waves               the waves, in order
 * @param accountId           target account
 * @param assumeRoleName      role assumed in the target account
 * @param notificationEmail   where execution notifications go
 * @param snsSubscriptionArn  the subscription of that address
 * @param lastExecutionId     most recent execution
 * @param lastExecutionStatus its status
 * @param lastStartTime       its start, epoch seconds
 * @param lastEndTime         its end, epoch seconds
 * @param createdDate         creation time, epoch seconds (wire field)
 * @param lastModifiedDate    last change, epoch seconds (wire field)
 * @param createdBy           creator
 * @param createdAt           creation time
 * @param updatedBy           last editor
 * @param updatedAt           last change
 * @param version             optimistic-locking version, 1 after create
 */
public record RecoveryPlan(
        String planId,
        String planName,
        String description,
        List<Wave> waves,
        String accountId,
        String assumeRoleName,
        String notificationEmail,
        String snsSubscriptionArn,
        String lastExecutionId,
        String lastExecutionStatus,
        Long lastStartTime,
        Long lastEndTime,
        Long createdDate,
        Long lastModifiedDate,
        String createdBy,
        Instant createdAt,
        String updatedBy,
        Instant updatedAt,
        Long version) {

    /** Copies the waves. */
    public RecoveryPlan {
        waves = Copies.list(waves);
    }

    /** This plan with another version. */
    public RecoveryPlan withVersion(long newVersion) {
        return new RecoveryPlan(planId, planName, description, waves, accountId, assumeRoleName, notificationEmail,
                snsSubscriptionArn, lastExecutionId, lastExecutionStatus, lastStartTime, lastEndTime, createdDate,
                lastModifiedDate, createdBy, createdAt, updatedBy, updatedAt, newVersion);
    }
}
