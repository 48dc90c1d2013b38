package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.model.Claim;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.naming.NameRules;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The protection-groups table. Every write carries its uniqueness claims in the same transaction: the name
 * ({@code pg-name#<NameRules key>}) and each explicit server ({@code pg-server#<serverId>}); a rename releases the
 * old name, removing a server releases its claim. A failed claim is a 409 naming the name or server and the group
 * that owns it; a stale version is a 409 with the current version.
 */
public final class ProtectionGroupStore {
    static final String KEY = "groupId";
    static final String NAME_INDEX = "NameIndex";
    static final String NAME_KEY = "nameLower";
    private static final String KIND = "Protection group";

    private final Supplier<DynamoDbClient> dynamoDb;
    private final Versioned<ProtectionGroup> versioned;
    private final ClaimStore claims;

    /** A store over {@code tableName} claiming through {@code claims}. */
    public ProtectionGroupStore(Supplier<DynamoDbClient> dynamoDb, String tableName, ClaimStore claims) {
        this.dynamoDb = dynamoDb;
        this.claims = claims;
        this.versioned = new Versioned<>(tableName, KEY, new ItemMapper<>(ProtectionGroup.class),
                ProtectionGroup::withVersion,
                g -> Map.of(NAME_KEY, Attr.s(NameRules.uniquenessKey(Attr.required(g.groupName(), "groupName")))));
    }

    /** The group, if it exists (strongly consistent). */
    public Optional<ProtectionGroup> get(String groupId) {
        Map<String, AttributeValue> item = dynamoDb.get().getItem(r -> r.tableName(versioned.tableName())
                .key(Attr.key(KEY, groupId)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(versioned.mapper().fromItem(item));
    }

    /** The group, or {@code NotFoundException}. */
    public ProtectionGroup require(String groupId) {
        return get(groupId).orElseThrow(() -> StoreErrors.notFound(KIND, groupId));
    }

    /** The group with that name under {@link NameRules} (index read, eventually consistent). */
    public Optional<ProtectionGroup> findByName(String name) {
        QueryResponse response = dynamoDb.get().query(r -> r.tableName(versioned.tableName()).indexName(NAME_INDEX)
                .keyConditionExpression("#name = :name")
                .expressionAttributeNames(Map.of("#name", NAME_KEY))
                .expressionAttributeValues(Map.of(":name", Attr.s(NameRules.uniquenessKey(name)))));
        return response.items().stream().findFirst().map(versioned.mapper()::fromItem);
    }

    /** Every group; a scan, bounded by the 100-group quota. */
    public List<ProtectionGroup> listAll() {
        List<ProtectionGroup> groups = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse response = dynamoDb.get().scan(ScanRequest.builder().tableName(versioned.tableName())
                    .exclusiveStartKey(start).build());
            response.items().forEach(item -> groups.add(versioned.mapper().fromItem(item)));
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return groups;
    }

    /** The number of groups, for the 100-group quota: a {@code Select.COUNT} scan (no items are read out). */
    public int count() {
        int count = 0;
        Map<String, AttributeValue> start = null;
        do {
            ScanResponse response = dynamoDb.get().scan(ScanRequest.builder().tableName(versioned.tableName())
                    .select(Select.COUNT).consistentRead(true).exclusiveStartKey(start).build());
            count += response.count();
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey() : null;
        } while (start != null);
        return count;
    }

    /** Creates the group at version 1 with its name and server claims. */
    public ProtectionGroup create(ProtectionGroup group) {
        ProtectionGroup stored = versioned.withVersion(group, 1L);
        String groupId = Attr.required(group.groupId(), "groupId");
        ClaimedWrite write = new ClaimedWrite(TransactWriteItem.builder().put(versioned.createPut(stored)).build());
        claimName(write, groupId, group.groupName());
        for (String serverId : new LinkedHashSet<>(group.explicitServerIds())) {
            write.add(claims.claimOperation(Claim.groupServerKey(serverId), groupId, null), Claim.groupServerKey(serverId));
        }
        write.run(dynamoDb, "protection group").ifPresent(failure -> {
            throw failure instanceof ClaimedWrite.ClaimFailure claim && claim.claimKey() != null
                    ? claimConflict(claim.claimKey(), group.groupName())
                    : StoreErrors.alreadyExists(KIND, groupId);
        });
        return stored;
    }

    /**
     * Replaces version {@code expectedVersion} of the group with {@code group} at {@code expectedVersion + 1},
     * moving its name and server claims in the same transaction.
     */
    public ProtectionGroup update(ProtectionGroup group, long expectedVersion) {
        String groupId = Attr.required(group.groupId(), "groupId");
        ProtectionGroup current = require(groupId);
        if (current.version() == null || current.version() != expectedVersion) {
            throw StoreErrors.changed(KIND, groupId, expectedVersion, Optional.ofNullable(current.version()));
        }
        ProtectionGroup stored = versioned.withVersion(group, expectedVersion + 1);
        ClaimedWrite write = new ClaimedWrite(TransactWriteItem.builder()
                .put(versioned.updatePut(stored, expectedVersion)).build());
        String oldName = NameRules.protectionGroupClaimKey(current.groupName());
        String newName = NameRules.protectionGroupClaimKey(group.groupName());
        if (!oldName.equals(newName)) {
            claimName(write, groupId, group.groupName());
            write.add(claims.releaseOperation(oldName, groupId), null);
        }
        Set<String> before = new LinkedHashSet<>(current.explicitServerIds());
        Set<String> after = new LinkedHashSet<>(group.explicitServerIds());
        for (String serverId : after) {
            if (!before.contains(serverId)) {
                write.add(claims.claimOperation(Claim.groupServerKey(serverId), groupId, null),
                        Claim.groupServerKey(serverId));
            }
        }
        for (String serverId : before) {
            if (!after.contains(serverId)) {
                write.add(claims.releaseOperation(Claim.groupServerKey(serverId), groupId), null);
            }
        }
        write.run(dynamoDb, "protection group").ifPresent(failure -> {
            if (failure instanceof ClaimedWrite.ClaimFailure claim && claim.claimKey() != null) {
                throw claimConflict(claim.claimKey(), group.groupName());
            }
            throw staleOrMissing(groupId, expectedVersion);
        });
        return stored;
    }

    /** Deletes version {@code expectedVersion} of the group and releases its name and server claims. */
    public void delete(String groupId, long expectedVersion) {
        ProtectionGroup current = require(groupId);
        if (current.version() == null || current.version() != expectedVersion) {
            throw StoreErrors.changed(KIND, groupId, expectedVersion, Optional.ofNullable(current.version()));
        }
        ClaimedWrite write = new ClaimedWrite(TransactWriteItem.builder()
                .delete(versioned.delete(Attr.key(KEY, groupId), expectedVersion)).build());
        write.add(claims.releaseOperation(NameRules.protectionGroupClaimKey(current.groupName()), groupId), null);
        for (String serverId : new LinkedHashSet<>(current.explicitServerIds())) {
            write.add(claims.releaseOperation(Claim.groupServerKey(serverId), groupId), null);
        }
        write.run(dynamoDb, "protection group").ifPresent(failure -> {
            throw staleOrMissing(groupId, expectedVersion);
        });
    }

    private void claimName(ClaimedWrite write, String groupId, String name) {
        String key = NameRules.protectionGroupClaimKey(Attr.required(name, "groupName"));
        write.add(claims.claimOperation(key, groupId, null), key);
    }

    private ConflictException claimConflict(String claimKey, String groupName) {
        String owner = claims.ownerOf(claimKey);
        if (claimKey.startsWith(Claim.GROUP_SERVER_PREFIX)) {
            return new ConflictException("Server " + claimKey.substring(Claim.GROUP_SERVER_PREFIX.length())
                    + " is already assigned to protection group " + owner);
        }
        return new ConflictException("A protection group named '" + groupName + "' already exists (protection group "
                + owner + ")");
    }

    private RuntimeException staleOrMissing(String groupId, long expectedVersion) {
        return get(groupId).<RuntimeException>map(g -> StoreErrors.changed(KIND, groupId, expectedVersion,
                Optional.ofNullable(g.version()))).orElseGet(() -> StoreErrors.notFound(KIND, groupId));
    }
}
