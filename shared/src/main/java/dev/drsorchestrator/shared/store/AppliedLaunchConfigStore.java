package dev.drsorchestrator.shared.store;

import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.config.Table;
import dev.drsorchestrator.shared.launch.AppliedLaunchConfig;
import dev.drsorchestrator.shared.launch.LaunchConfigDrift;
import dev.drsorchestrator.shared.model.EffectiveLaunchConfig;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The applied launch-configuration hashes, one item per (protection group, server) in the config table
 * ({@code configId = "launch-applied#<groupId>#<serverId>"}). They live apart from the group item on purpose: editing
 * the group must not erase what was last applied, since that difference is exactly the drift to report.
 *
 * <p>Example (start_execution's drift warning):
 * {@code AppliedLaunchConfigStore.from(core.clients()::dynamoDb, core.env()).drift(group, serverIds)}.
 */
public final class AppliedLaunchConfigStore {
    /** Prefix of the items' {@code configId}. */
    public static final String PREFIX = "launch-applied#";
    static final String KEY = "configId";
    private static final int MAX_KEYS = 100;

    private final Supplier<DynamoDbClient> dynamoDb;
    private final String tableName;
    private final BatchWriter writer;

    /** A store over the config table {@code tableName}. */
    public AppliedLaunchConfigStore(Supplier<DynamoDbClient> dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.writer = new BatchWriter(dynamoDb, tableName, KEY, 8, 50, 5_000, Thread::sleep);
    }

    /** The store over the table named by {@code TAG_SYNC_CONFIG_TABLE} in {@code env}. */
    public static AppliedLaunchConfigStore from(Supplier<DynamoDbClient> dynamoDb, Env env) {
        return new AppliedLaunchConfigStore(dynamoDb, env.tableName(Table.TAG_SYNC_CONFIG));
    }

    /**
     * What was last applied for each of {@code serverIds} in group {@code groupId}, keyed by server id; servers never
     * applied are absent. One {@code BatchGetItem} per 100 servers.
     */
    public Map<String, AppliedLaunchConfig> forGroup(String groupId, Collection<String> serverIds) {
        List<String> ids = new ArrayList<>(new LinkedHashSet<>(serverIds));
        Map<String, AppliedLaunchConfig> out = new LinkedHashMap<>();
        BatchReader reader = new BatchReader(dynamoDb, tableName, 8, Thread::sleep);
        for (int start = 0; start < ids.size(); start += MAX_KEYS) {
            List<Map<String, AttributeValue>> keys = ids.subList(start, Math.min(ids.size(), start + MAX_KEYS))
                    .stream().map(id -> Map.of(KEY, s(configId(groupId, id)))).toList();
            for (Map<String, AttributeValue> item : reader.read(KeysAndAttributes.builder().keys(keys)
                    .consistentRead(true).build())) {
                AppliedLaunchConfig applied = fromItem(item);
                out.put(applied.sourceServerId(), applied);
            }
        }
        Map<String, AppliedLaunchConfig> ordered = new LinkedHashMap<>();
        ids.stream().filter(out::containsKey).forEach(id -> ordered.put(id, out.get(id)));
        return ordered;
    }

    /**
     * The drift of {@code serverIds} in {@code group}: the recorded hashes (one read) against the hashes of the
     * configuration the group holds now. This is what start_execution warns on and get_launch_config_status reports.
     */
    public Map<String, LaunchConfigDrift.ServerDrift> drift(ProtectionGroup group, Collection<String> serverIds) {
        Map<String, String> current = new LinkedHashMap<>();
        serverIds.forEach(id -> current.put(id, EffectiveLaunchConfig.hash(group, id)));
        return LaunchConfigDrift.of(current, forGroup(group.groupId(), current.keySet()));
    }

    /** Records what was applied (replacing earlier records of the same servers); reports items not written. */
    public BatchWriteResult record(List<AppliedLaunchConfig> applied) {
        List<WriteRequest> puts = applied.stream().map(a -> BatchWriter.put(toItem(a))).toList();
        return writer.write(puts);
    }

    /** The key of one server's record. */
    public static String configId(String groupId, String serverId) {
        return PREFIX + groupId + "#" + serverId;
    }

    private static Map<String, AttributeValue> toItem(AppliedLaunchConfig applied) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(KEY, s(configId(applied.groupId(), applied.sourceServerId())));
        item.put("groupId", s(applied.groupId()));
        item.put("sourceServerId", s(applied.sourceServerId()));
        item.put("configHash", s(applied.configHash()));
        item.put("appliedAt", s(applied.appliedAt()));
        if (applied.appliedBy() != null) {
            item.put("appliedBy", s(applied.appliedBy()));
        }
        return item;
    }

    private static AppliedLaunchConfig fromItem(Map<String, AttributeValue> item) {
        return new AppliedLaunchConfig(text(item, "groupId"), text(item, "sourceServerId"), text(item, "configHash"),
                text(item, "appliedAt"), text(item, "appliedBy"));
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }
}
