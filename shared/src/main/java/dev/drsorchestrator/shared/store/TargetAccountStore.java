package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.model.TargetAccount;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The target-accounts table (staging accounts are a list on their target account), with optimistic locking; a small
 * table, so listing is a scan.
 */
public final class TargetAccountStore {
    private final VersionedTable<TargetAccount> table;

    /** A store over {@code tableName}. */
    public TargetAccountStore(Supplier<DynamoDbClient> dynamoDb, String tableName) {
        this.table = new VersionedTable<>(dynamoDb, new Versioned<>(tableName, "accountId",
                new ItemMapper<>(TargetAccount.class), TargetAccount::withVersion, a -> Map.of()),
                "Target account", "accountId", TargetAccount::accountId, TargetAccount::version);
    }

    /** The account, if registered. */
    public Optional<TargetAccount> get(String accountId) {
        return table.get(accountId);
    }

    /** The account, or {@code NotFoundException}. */
    public TargetAccount require(String accountId) {
        return table.require(accountId);
    }

    /** Every account (scan of a small table). */
    public List<TargetAccount> listAll() {
        return table.scanAll();
    }

    /** Registers the account at version 1; a 409 if it is already registered. */
    public TargetAccount create(TargetAccount account) {
        Attr.required(account.accountId(), "accountId");
        return table.create(account);
    }

    /** Replaces version {@code expectedVersion}; returns the stored account at the next version. */
    public TargetAccount update(TargetAccount account, long expectedVersion) {
        return table.update(account, expectedVersion);
    }

    /** Removes version {@code expectedVersion}. */
    public void delete(String accountId, long expectedVersion) {
        table.delete(accountId, expectedVersion);
    }
}
