package dev.drsorchestrator.tests.store;

import dev.drsorchestrator.local.dynamodb.LocalDynamoDb;
import dev.drsorchestrator.local.dynamodb.TableCreator;
import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.model.Execution;
import dev.drsorchestrator.shared.model.ProtectionGroup;
import dev.drsorchestrator.shared.model.WaveExecution;
import dev.drsorchestrator.shared.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Tables of the real template in the shared DynamoDB Local, under a prefix unique to one test class. */
final class StoreFixture {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    final DynamoDbClient client;
    final Env env;
    final Stores stores;

    private StoreFixture(DynamoDbClient client, Env env) {
        this.client = client;
        this.env = env;
        this.stores = Stores.from(() -> client, env, CLOCK);
    }

    static StoreFixture create(String testName) {
        DynamoDbClient client = LocalDynamoDb.shared().client();
        String prefix = testName + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> tables = TableCreator.createAll(client, prefix);
        return new StoreFixture(client, Env.of(tables));
    }

    String table(String envVariable) {
        return env.required(envVariable);
    }

    static ProtectionGroup group(String id, String name, List<String> serverIds) {
        return new ProtectionGroup(id, name, "desc", "us-east-1", "111122223333", "DRSRole", "alice",
                Map.of("Tier", "web"), serverIds, null, null, 1_700_000_000L, 1_700_000_000L, "alice",
                Instant.parse("2026-11-22T09:00:00Z"), "alice", Instant.parse("2026-11-22T09:00:00Z"), null);
    }

    static WaveExecution wave(int number, String status) {
        return new WaveExecution(number, "Wave " + number, status, null, null, null, null, null,
                List.of("s-1"), null, 1, 0, 0, 0, null, null);
    }

    static Execution execution(String id, String planId, String status, String startTime, List<WaveExecution> waves) {
        return new Execution(id, planId, "Plan", "DRILL", status, startTime, null, 0, waves.size(), waves,
                List.of("s-1"), "alice", "111122223333", null, null, null, null, null, null);
    }
}
