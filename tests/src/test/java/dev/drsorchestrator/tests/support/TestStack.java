package dev.drsorchestrator.tests.support;

import dev.drsorchestrator.local.dynamodb.LocalDynamoDb;
import dev.drsorchestrator.local.dynamodb.TableCreator;
import dev.drsorchestrator.local.sim.Simulator;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.store.Stores;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Everything an integration test needs, wired the way a deployed handler is: the JVM-wide DynamoDB Local with every
 * table of the template under a unique prefix, a simulator running {@code scenario} with a frozen clock, and the
 * {@link Env} that points a handler at both. Close it to stop the simulator and drop the tables.
 *
 * <pre>{@code
 * try (TestStack stack = TestStack.start(Scenarios.demo())) {
 *     var handler = new QueryHandler(stack.core());
 *     JsonNode result = Invoke.handler(handler, DirectEvents.query("get_drs_source_servers", Map.of("region", "us-east-1")));
 *     assertThat(stack.snapshotTables()).isEqualTo(before);
 * }
 * }</pre>
 */
public final class TestStack implements AutoCloseable {
    /** The region handlers run in. */
    public static final String REGION = "us-east-1";
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final Simulator sim;
    private final Map<String, String> tables;
    private final Env env;
    private final CoreServices core;
    private final Stores stores;
    private final Gateways gateways;

    private TestStack(Simulator sim, Map<String, String> tables, Env env) {
        this.sim = sim;
        this.tables = tables;
        this.env = env;
        this.core = CoreServices.from(env);
        this.stores = Stores.from(core);
        this.gateways = Gateways.from(core);
    }

    /** A stack running {@code scenario}, with SDK retries off ({@code AWS_MAX_ATTEMPTS=1}). */
    public static TestStack start(Scenario scenario) {
        return start(scenario, Map.of());
    }

    /** A stack running {@code scenario}; {@code overrides} replace or add environment variables. */
    public static TestStack start(Scenario scenario, Map<String, String> overrides) {
        String prefix = "it" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet() + "-"
                + Long.toHexString(System.nanoTime() & 0xffffff);
        Map<String, String> tables;
        try (DynamoDbClient admin = LocalDynamoDb.shared().client()) {
            tables = TableCreator.createAll(admin, prefix);
        }
        Simulator sim = Simulator.start(scenario);
        try {
            Map<String, String> values = new HashMap<>(tables);
            values.put("AWS_REGION", REGION);
            values.put("AWS_ACCESS_KEY_ID", Simulator.HUB_ACCESS_KEY);
            values.put("AWS_SECRET_ACCESS_KEY", "test");
            values.put("AWS_ENDPOINT_URL", sim.endpoint().toString());
            values.put("AWS_ENDPOINT_URL_DYNAMODB", LocalDynamoDb.shared().endpoint().toString());
            values.put("AWS_MAX_ATTEMPTS", "1");
            values.put("CROSS_ACCOUNT_ROLE_NAME", "DRSOrchestrationRole");
            values.put("ENVIRONMENT", "test");
            values.putAll(overrides);
            return new TestStack(sim, tables, Env.of(values));
        } catch (RuntimeException e) {
            sim.close();
            throw e;
        }
    }

    /** The environment a handler under test is built from. */
    public Env env() {
        return env;
    }

    /** Core services built from {@link #env()}, shared by everything this stack hands out. */
    public CoreServices core() {
        return core;
    }

    /** The table stores. */
    public Stores stores() {
        return stores;
    }

    /** The AWS gateways, pointed at the simulator. */
    public Gateways gateways() {
        return gateways;
    }

    /** The simulator: clock, faults, counters, fleet. */
    public Simulator sim() {
        return sim;
    }

    /** The hub DynamoDB client (DynamoDB Local). */
    public DynamoDbClient dynamo() {
        return core.clients().dynamoDb();
    }

    /** Environment-variable name → physical table name of every table. */
    public Map<String, String> tables() {
        return tables;
    }

    /** Every item of every table, keyed by environment-variable name; for proving an operation wrote nothing. */
    public Map<String, List<Map<String, AttributeValue>>> snapshotTables() {
        Map<String, List<Map<String, AttributeValue>>> out = new LinkedHashMap<>();
        tables.forEach((variable, table) -> {
            List<Map<String, AttributeValue>> items = new ArrayList<>();
            Map<String, AttributeValue> start = null;
            do {
                ScanRequest.Builder scan = ScanRequest.builder().tableName(table).consistentRead(true);
                if (start != null) {
                    scan.exclusiveStartKey(start);
                }
                ScanResponse page = dynamo().scan(scan.build());
                items.addAll(page.items());
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey()
                        : null;
            } while (start != null);
            items.sort(java.util.Comparator.comparing(Object::toString));
            out.put(variable, List.copyOf(items));
        });
        return out;
    }

    @Override
    public void close() {
        try {
            sim.close();
        } finally {
            for (String table : new java.util.LinkedHashSet<>(tables.values())) {
                try {
                    dynamo().deleteTable(b -> b.tableName(table));
                } catch (ResourceNotFoundException alreadyGone) {
                    // DynamoDB Local may finish deleting a table before the next call; either way it is gone
                }
            }
            core.clients().close();
        }
    }
}
