package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.error.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * One owner write plus its claim changes as a single {@code TransactWriteItems} call, translating a cancellation into
 * the conflict the caller can act on: the owner's own condition (exists / stale version) or the first claim another
 * owner holds, named with that owner.
 */
final class ClaimedWrite {
    /** DynamoDB's limit of items per transaction. */
    static final int MAX_TRANSACTION_ITEMS = 100;

    /** What failed: the owner item, or the claim at an index of {@code claimKeys}. */
    sealed interface Failure permits OwnerFailure, ClaimFailure {
    }

    /** The owner item's condition failed. */
    record OwnerFailure() implements Failure {
    }

    /** A claim is held by another owner. */
    record ClaimFailure(String claimKey) implements Failure {
    }

    private final List<TransactWriteItem> items = new ArrayList<>();
    private final List<String> claimKeys = new ArrayList<>();

    ClaimedWrite(TransactWriteItem owner) {
        items.add(owner);
        claimKeys.add(null);
    }

    /** Adds a claim (or release) operation for {@code claimKey}; releases pass null to never be blamed. */
    ClaimedWrite add(TransactWriteItem operation, String claimKey) {
        items.add(operation);
        claimKeys.add(claimKey);
        return this;
    }

    /** Runs the transaction; on cancellation returns what failed, in transaction order. */
    java.util.Optional<Failure> run(Supplier<DynamoDbClient> dynamoDb, String kind) {
        if (items.size() > MAX_TRANSACTION_ITEMS) {
            throw new ValidationException("A " + kind + " can change at most " + (MAX_TRANSACTION_ITEMS - 2)
                    + " server assignments and its name in one request");
        }
        try {
            dynamoDb.get().transactWriteItems(r -> r.transactItems(items));
            return java.util.Optional.empty();
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
            for (int i = 0; i < reasons.size(); i++) {
                if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                    return java.util.Optional.of(i == 0 ? new OwnerFailure() : new ClaimFailure(claimKeys.get(i)));
                }
            }
            if (reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()))) {
                throw new ConflictException("The " + kind + " is being changed by another request; try again");
            }
            throw e;
        }
    }
}
