package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.handler.CoreServices;
import java.time.Clock;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Every table store, built once per execution environment. A handler takes what it needs:
 * {@code Stores stores = Stores.from(core); stores.protectionGroups().create(group);}. Table names come from the
 * environment variables of {@link Table}; a table whose variable is unset fails when the store is first built.
 *
 * @param claims            the claims table
 * @param protectionGroups  protection groups with name and server claims
 * @param recoveryPlans     recovery plans with name claims
 * @param executions        execution history, wave updates and execution server claims
 * @param targetAccounts    target accounts (with staging accounts)
 * @param inventory         source-server inventory
 * @param regionStatuses    per (account, region) sync status
 * @param recoveryInstances recovery-instance cache
 * @param tagSyncConfig     tag-sync settings
 * @param appliedLaunchConfigs the launch-config hashes apply_launch_configs recorded (in the tag-sync config table)
 * @param executionCounts   finished executions per day and status, kept by {@code executions} (read them here)
 */
public record Stores(
        ClaimStore claims,
        ProtectionGroupStore protectionGroups,
        RecoveryPlanStore recoveryPlans,
        ExecutionStore executions,
        TargetAccountStore targetAccounts,
        InventoryStore inventory,
        RegionStatusStore regionStatuses,
        RecoveryInstanceStore recoveryInstances,
        TagSyncConfigStore tagSyncConfig,
        AppliedLaunchConfigStore appliedLaunchConfigs,
        ExecutionCountStore executionCounts) {

    /** The stores of a handler's core services (its DynamoDB client, environment and clock). */
    public static Stores from(CoreServices core) {
        return from(core.clients()::dynamoDb, core.env(), core.clock());
    }

    /** The stores over a client, the table names of {@code env} and a clock (tests and the local runtime). */
    public static Stores from(Supplier<DynamoDbClient> dynamoDb, Env env, Clock clock) {
        ClaimStore claims = new ClaimStore(dynamoDb, env.tableName(Table.CLAIMS), clock);
        ExecutionCountStore executionCounts = new ExecutionCountStore(dynamoDb, env.tableName(Table.EXECUTION_COUNTS));
        return new Stores(
                claims,
                new ProtectionGroupStore(dynamoDb, env.tableName(Table.PROTECTION_GROUPS), claims),
                new RecoveryPlanStore(dynamoDb, env.tableName(Table.RECOVERY_PLANS), claims),
                new ExecutionStore(dynamoDb, env.tableName(Table.EXECUTION_HISTORY), claims, executionCounts,
                        clock),
                new TargetAccountStore(dynamoDb, env.tableName(Table.TARGET_ACCOUNTS)),
                new InventoryStore(dynamoDb, env.tableName(Table.SOURCE_SERVER_INVENTORY)),
                new RegionStatusStore(dynamoDb, env.tableName(Table.REGION_STATUS)),
                new RecoveryInstanceStore(dynamoDb, env.tableName(Table.RECOVERY_INSTANCES)),
                new TagSyncConfigStore(dynamoDb, env.tableName(Table.TAG_SYNC_CONFIG)),
                AppliedLaunchConfigStore.from(dynamoDb, env),
                executionCounts);
    }
}
