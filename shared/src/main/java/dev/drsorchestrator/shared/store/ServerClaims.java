package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.model.Claim;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * All-or-nothing {@code exec-server#} claims for an execution. Servers are claimed in sorted order in transactions of
 * at most 100; if a later chunk fails, the chunks already written are released before the conflict is reported, so a
 * losing execution never keeps a claim.
 */
final class ServerClaims {
    private final Supplier<DynamoDbClient> dynamoDb;
    private final ClaimStore claims;

    ServerClaims(Supplier<DynamoDbClient> dynamoDb, ClaimStore claims) {
        this.dynamoDb = dynamoDb;
        this.claims = claims;
    }

    void claim(String executionId, String planId, List<String> serverIds) {
        List<String> sorted = new ArrayList<>(new TreeSet<>(serverIds));
        List<String> claimed = new ArrayList<>();
        for (int start = 0; start < sorted.size(); start += ClaimedWrite.MAX_TRANSACTION_ITEMS) {
            List<String> chunk = sorted.subList(start, Math.min(sorted.size(),
                    start + ClaimedWrite.MAX_TRANSACTION_ITEMS));
            List<TransactWriteItem> items = new ArrayList<>();
            chunk.forEach(id -> items.add(claims.claimOperation(Claim.executionServerKey(id), executionId, planId)));
            try {
                dynamoDb.get().transactWriteItems(r -> r.transactItems(items));
                claimed.addAll(chunk);
            } catch (TransactionCanceledException e) {
                release(executionId, claimed);
                throw conflict(e, chunk);
            } catch (RuntimeException e) {
                release(executionId, claimed);
                throw e;
            }
        }
    }

    int release(String executionId, List<String> serverIds) {
        int released = 0;
        for (String id : new TreeSet<>(serverIds)) {
            if (claims.release(Claim.executionServerKey(id), executionId)) {
                released++;
            }
        }
        return released;
    }

    private ConflictException conflict(TransactionCanceledException e, List<String> chunk) {
        List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
        for (int i = 0; i < reasons.size() && i < chunk.size(); i++) {
            if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                String key = Claim.executionServerKey(chunk.get(i));
                String owner = claims.get(key)
                        .map(c -> "execution " + c.ownerId() + (c.planId() == null ? "" : " of plan " + c.planId()))
                        .orElse("another execution");
                return new ConflictException("Server " + chunk.get(i) + " is already part of active " + owner);
            }
        }
        return new ConflictException("Servers of this execution are being claimed by another execution; try again");
    }
}
