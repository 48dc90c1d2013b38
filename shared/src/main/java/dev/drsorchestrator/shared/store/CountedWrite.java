package dev.drsorchestrator.shared.store;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Commits an execution write together with its day-count change as one {@code TransactWriteItems}: both happen or
 * neither, so a count can never drift from the statuses it counts.
 *
 * <p>The first item is the execution write and carries its condition; when that condition fails the transaction
 * reports {@link Outcome#CONDITION_FAILED} and the caller decides (re-read, 409, 404). When another transaction holds
 * an item ({@code TransactionConflict}, e.g. a busy day item while many executions finish) or the request is
 * throttled, the whole transaction is retried with exponential backoff and jitter, a bounded number of times; after
 * the last attempt the cancellation is rethrown, a transient error the caller's retry (Step Functions, the operator)
 * repeats from a fresh read. Every attempt carries its own {@code ClientRequestToken}, so an SDK-level retry of an
 * attempt that did commit is answered as committed instead of being applied twice.
 */
final class CountedWrite {
    static final int MAX_ATTEMPTS = 8;
    static final long BASE_DELAY_MILLIS = 25;
    static final long MAX_DELAY_MILLIS = 1_000;
    private static final String CONDITION_FAILED_CODE = "ConditionalCheckFailed";

    /** What a commit did. */
    enum Outcome {
        /** Both items were written. */
        COMMITTED,
        /** The execution item's condition did not hold; nothing was written. */
        CONDITION_FAILED
    }

    private final Supplier<DynamoDbClient> dynamoDb;
    private final Sleeper sleeper;

    CountedWrite(Supplier<DynamoDbClient> dynamoDb, Sleeper sleeper) {
        this.dynamoDb = dynamoDb;
        this.sleeper = sleeper;
    }

    /**
     * Writes {@code execution} (with its condition) and {@code count} in one transaction.
     *
     * @throws TransactionCanceledException when it was still cancelled by conflicts or throttling after the last
     *                                      attempt, or cancelled for any other reason
     */
    Outcome commit(TransactWriteItem execution, TransactWriteItem count) {
        List<TransactWriteItem> items = List.of(execution, count);
        for (int attempt = 1; ; attempt++) {
            try {
                dynamoDb.get().transactWriteItems(r -> r.transactItems(items)
                        .clientRequestToken(UUID.randomUUID().toString()));
                return Outcome.COMMITTED;
            } catch (TransactionCanceledException cancelled) {
                List<CancellationReason> reasons = cancelled.hasCancellationReasons()
                        ? cancelled.cancellationReasons() : List.of();
                if (!reasons.isEmpty() && CONDITION_FAILED_CODE.equals(reasons.get(0).code())) {
                    return Outcome.CONDITION_FAILED;
                }
                if (attempt >= MAX_ATTEMPTS || !retryable(reasons)) {
                    throw cancelled;
                }
            }
            pause(attempt);
        }
    }

    private static boolean retryable(List<CancellationReason> reasons) {
        return reasons.stream().map(CancellationReason::code)
                .anyMatch(code -> "TransactionConflict".equals(code) || "ThrottlingError".equals(code)
                        || "ProvisionedThroughputExceeded".equals(code));
    }

    private void pause(int attempt) {
        long ceiling = Math.min(MAX_DELAY_MILLIS, BASE_DELAY_MILLIS << Math.min(attempt - 1, 16));
        long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        try {
            sleeper.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a counted execution write", e);
        }
    }
}
