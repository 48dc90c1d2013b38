package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.model.RecoveryPlan;
import dev.drsorchestrator.shared.naming.NameRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The recovery-plans table, with the plan name claimed ({@code plan-name#<NameRules key>}) in the same transaction as
 * every create, rename and delete, and optimistic locking on {@code version}.
 */
public final class RecoveryPlanStore {
    static final String KEY = "planId";
    private static final String KIND = "Recovery plan";

    private final Supplier<DynamoDbClient> dynamoDb;
    private final Versioned<RecoveryPlan> versioned;
    private final ClaimStore claims;

    /** A store over {@code tableName} claiming through {@code claims}. */
    public RecoveryPlanStore(Supplier<DynamoDbClient> dynamoDb, String tableName, ClaimStore claims) {
        this.dynamoDb = dynamoDb;
        this.claims = claims;
        this.versioned = new Versioned<>(tableName, KEY, new ItemMapper<>(RecoveryPlan.class),
                RecoveryPlan::withVersion, p -> Map.of(ProtectionGroupStore.NAME_KEY,
                        Attr.s(NameRules.uniquenessKey(Attr.required(p.planName(), "planName")))));
    }

    /** The plan, if it exists (strongly consistent). */
    public Optional<RecoveryPlan> get(String planId) {
        Map<String, AttributeValue> item = dynamoDb.get().getItem(r -> r.tableName(versioned.tableName())
                .key(Attr.key(KEY, planId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(versioned.mapper().fromItem(item));
    }

    /** The plan, or {@code NotFoundException}. */
    public RecoveryPlan require(String planId) {
        return get(planId).orElseThrow(() -> StoreErrors.notFound(KIND, planId));
    }

    /** The plan with that name under {@link NameRules} (index read). */
    public Optional<RecoveryPlan> findByName(String name) {
        QueryResponse response = dynamoDb.get().query(r -> r.tableName(versioned.tableName())
                .indexName(ProtectionGroupStore.NAME_INDEX)
                .keyConditionExpression("#name = :name")
                .expressionAttributeNames(Map.of("#name", ProtectionGroupStore.NAME_KEY))
                .expressionAttributeValues(Map.of(":name", Attr.s(NameRules.uniquenessKey(name)))));
        return response.items().stream().findFirst().map(versioned.mapper()::fromItem);
    }

    /** Every plan; a scan of a table that holds tens to hundreds of items. */
    public List<RecoveryPlan> listAll() {
        List<RecoveryPlan> plans = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse response = dynamoDb.get().scan(ScanRequest.builder().tableName(versioned.tableName())
                    .exclusiveStartKey(start).build());
            response.items().forEach(item -> plans.add(versioned.mapper().fromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return plans;
    }

    /** Creates the plan at version 1 with its name claim. */
    public RecoveryPlan create(RecoveryPlan plan) {
        String planId = Attr.required(plan.planId(), "planId");
        RecoveryPlan stored = versioned.withVersion(plan, 1L);
        String nameKey = NameRules.recoveryPlanClaimKey(Attr.required(plan.planName(), "planName"));
        ClaimedWrite write = new ClaimedWrite(TransactWriteItem.builder().put(versioned.createPut(stored)).build())
                .add(claims.claimOperation(nameKey, planId, null), nameKey);
        write.run(dynamoDb, "recovery plan").ifPresent(failure -> {
            throw failure instanceof ClaimedWrite.ClaimFailure
                    ? nameConflict(nameKey, plan.planName()) : StoreErrors.alreadyExists(KIND, planId);
        });
        return stored;
    }

    /** Replaces version {@code expectedVersion} with {@code plan} at {@code expectedVersion + 1}; a rename moves the claim. */
    public RecoveryPlan update(RecoveryPlan plan, long expectedVersion) {
        String planId = Attr.required(plan.planId(), "planId");
        RecoveryPlan current = require(planId);
        if (current.version() == null || current.version() != expectedVersion) {
            throw StoreErrors.changed(KIND, planId, expectedVersion, Optional.ofNullable(current.version()));
        }
        RecoveryPlan stored = versioned.withVersion(plan, expectedVersion + 1);
        ClaimedWrite write = new ClaimedWrite(TransactWriteItem.builder()
                .put(versioned.updatePut(stored, expectedVersion)).build());
        String oldName = NameRules.recoveryPlanClaimKey(current.planName());
        String newName = NameRules.recoveryPlanClaimKey(Attr.required(plan.planName(), "planName"));
        if (!oldName.equals(newName)) {
            write.add(claims.claimOperation(newName, planId, null), newName);
            write.add(claims.releaseOperation(oldName, planId), null);
        }
        write.run(dynamoDb, "recovery plan").ifPresent(failure -> {
            if (failure instanceof ClaimedWrite.ClaimFailure claim && claim.claimKey() != null) {
                throw nameConflict(newName, plan.planName());
            }
            throw staleOrMissing(planId, expectedVersion);
        });
        return stored;
    }

    /** Deletes version {@code expectedVersion} and releases the name claim. */
    public void delete(String planId, long expectedVersion) {
        RecoveryPlan current = require(planId);
        if (current.version() == null || current.version() != expectedVersion) {
            throw StoreErrors.changed(KIND, planId, expectedVersion, Optional.ofNullable(current.version()));
        }
        new ClaimedWrite(TransactWriteItem.builder()
                .delete(versioned.delete(Attr.key(KEY, planId), expectedVersion)).build())
                .add(claims.releaseOperation(NameRules.recoveryPlanClaimKey(current.planName()), planId), null)
                .run(dynamoDb, "recovery plan")
                .ifPresent(failure -> {
                    throw staleOrMissing(planId, expectedVersion);
                });
    }

    private ConflictException nameConflict(String claimKey, String name) {
        return new ConflictException("A recovery plan named '" + name + "' already exists (recovery plan "
                + claims.ownerOf(claimKey) + ")");
    }

    private RuntimeException staleOrMissing(String planId, long expectedVersion) {
        return get(planId).<RuntimeException>map(p -> StoreErrors.changed(KIND, planId, expectedVersion,
                Optional.ofNullable(p.version()))).orElseGet(() -> StoreErrors.notFound(KIND, planId));
    }
}
