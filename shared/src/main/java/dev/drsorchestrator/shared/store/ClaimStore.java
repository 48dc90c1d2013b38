package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.model.Claim;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The claims table: one item per reserved name or server, naming its owner. Other stores put these operations in the
 * same {@code TransactWriteItems} call as the owner's own write, so the owner and its claims change together or not
 * at all. Claiming is idempotent for the same owner; releasing never removes another owner's claim.
 */
public final class ClaimStore {
    static final String KEY = "claimKey";
    static final String CLAIM_CONDITION = "attribute_not_exists(#claimKey) OR #ownerId = :ownerId";

    private final Supplier<DynamoDbClient> dynamoDb;
    private final String tableName;
    private final Clock clock;
    private final ItemMapper<Claim> mapper = new ItemMapper<>(Claim.class);

    /** A store over {@code tableName}. */
    public ClaimStore(Supplier<DynamoDbClient> dynamoDb, String tableName, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.clock = clock;
    }

    /** The claim with that key, if held. */
    public Optional<Claim> get(String claimKey) {
        Map<String, AttributeValue> item = dynamoDb.get().getItem(r -> r.tableName(tableName)
                .key(Attr.key(KEY, claimKey)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(mapper.fromItem(item));
    }

    /** The owner id of a claim, or "another owner" when it vanished meanwhile (for error messages). */
    public String ownerOf(String claimKey) {
        return get(claimKey).map(Claim::ownerId).orElse("another owner");
    }

    /** A transaction item taking {@code claimKey} for {@code ownerId}; fails if another owner holds it. */
    public TransactWriteItem claimOperation(String claimKey, String ownerId, String planId) {
        Map<String, AttributeValue> item = new HashMap<>(mapper.toItem(
                new Claim(claimKey, ownerId, planId, clock.instant().toString(), null)));
        return TransactWriteItem.builder().put(Put.builder().tableName(tableName).item(item)
                .conditionExpression(CLAIM_CONDITION)
                .expressionAttributeNames(Map.of("#claimKey", KEY, "#ownerId", "ownerId"))
                .expressionAttributeValues(Map.of(":ownerId", Attr.s(ownerId)))
                .build()).build();
    }

    /** A transaction item releasing {@code claimKey} if {@code ownerId} holds it (or nobody does). */
    public TransactWriteItem releaseOperation(String claimKey, String ownerId) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(tableName).key(Attr.key(KEY, claimKey))
                .conditionExpression(CLAIM_CONDITION)
                .expressionAttributeNames(Map.of("#claimKey", KEY, "#ownerId", "ownerId"))
                .expressionAttributeValues(Map.of(":ownerId", Attr.s(ownerId)))
                .build()).build();
    }

    /** Releases one claim outside a transaction; returns false when another owner holds it (left untouched). */
    public boolean release(String claimKey, String ownerId) {
        Delete delete = releaseOperation(claimKey, ownerId).delete();
        try {
            dynamoDb.get().deleteItem(r -> r.tableName(tableName).key(delete.key())
                    .conditionExpression(delete.conditionExpression())
                    .expressionAttributeNames(delete.expressionAttributeNames())
                    .expressionAttributeValues(delete.expressionAttributeValues()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
