package dev.drsorchestrator.local.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the tables a CloudFormation template declares, so the local runtime and the integration tests use the
 * production schema rather than a hand-written copy of it.
 *
 * <pre>{@code
 * try (DynamoDbClient client = LocalDynamoDb.shared().client()) {
 *     Map<String, String> env = TableCreator.createAll(client, "drs-test");
 *     String groups = env.get("PROTECTION_GROUPS_TABLE");   // "drs-test-protection-groups"
 * }
 * }</pre>
 */
public final class TableCreator {

    private static final Logger LOG = LoggerFactory.getLogger(TableCreator.class);
    private static final Pattern NAME_PREFIX = Pattern.compile("[a-zA-Z0-9_.-]{1,200}");
    private static final Duration ACTIVE_TIMEOUT = Duration.ofMinutes(2);
    private static final long POLL_MILLIS = 100;

    private final CfnTemplate template;
    private final List<TableSpec> specs;

    /**
     * Reads every table of the template up front, so a malformed table fails before anything is created.
     *
     * @throws CfnTemplateException naming the table and field the reader cannot interpret
     */
    public TableCreator(CfnTemplate template) {
        this.template = Objects.requireNonNull(template, "template");
        this.specs = template.resourcesOfType(TableSpecReader.TABLE_TYPE).stream()
                .map(resource -> TableSpecReader.read(template.source(), resource))
                .toList();
        if (specs.isEmpty()) {
            throw new CfnTemplateException(template.source() + ": declares no " + TableSpecReader.TABLE_TYPE);
        }
    }

    /**
     * Creates every table of {@code cfn/dynamodb-tables.yaml} (from the classpath) under {@code namePrefix}.
     *
     * @return environment-variable name → created table name, in template order
     */
    public static Map<String, String> createAll(DynamoDbClient client, String namePrefix) {
        return new TableCreator(CfnTemplate.fromClasspath(CfnTemplate.DYNAMODB_TABLES)).create(client, namePrefix);
    }

    /**
     * Creates every table of this template that does not exist yet, enables its TTL, and waits until all are ACTIVE.
     * Tables that exist are left as they are, so calling this twice is harmless.
     *
     * @param namePrefix replaces {@code ${ProjectName}-...-${Environment}}: the table {@code <prefix>-<suffix>}
     * @return environment-variable name ({@code PROTECTION_GROUPS_TABLE}) → table name, in template order
     */
    public Map<String, String> create(DynamoDbClient client, String namePrefix) {
        Objects.requireNonNull(client, "client");
        if (namePrefix == null || !NAME_PREFIX.matcher(namePrefix).matches()) {
            throw new IllegalArgumentException(
                    "namePrefix must be 1-200 characters of a-z, A-Z, 0-9, '_', '-', '.', got '" + namePrefix + "'");
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (TableSpec spec : specs) {
            String tableName = spec.tableName(namePrefix);
            createIfAbsent(client, spec, tableName);
            names.put(spec.envVariable(), tableName);
        }
        for (TableSpec spec : specs) {
            String tableName = names.get(spec.envVariable());
            awaitActive(client, tableName);
            spec.ttlAttribute().ifPresent(attribute -> enableTtl(client, tableName, attribute));
        }
        return Collections.unmodifiableMap(names);
    }

    /** The template the tables come from. */
    public CfnTemplate template() {
        return template;
    }

    private static void createIfAbsent(DynamoDbClient client, TableSpec spec, String tableName) {
        if (exists(client, tableName)) {
            LOG.debug("table {} exists, left as it is", tableName);
            return;
        }
        try {
            client.createTable(spec.createRequest(tableName));
            LOG.info("created table {} ({})", tableName, spec.logicalId());
        } catch (ResourceInUseException e) {
            LOG.debug("table {} was created concurrently", tableName);
        }
    }

    private static boolean exists(DynamoDbClient client, String tableName) {
        try {
            client.describeTable(request -> request.tableName(tableName));
            return true;
        } catch (ResourceNotFoundException e) {
            return false;
        }
    }

    private static void awaitActive(DynamoDbClient client, String tableName) {
        Instant deadline = Instant.now().plus(ACTIVE_TIMEOUT);
        while (true) {
            TableDescription table = client.describeTable(request -> request.tableName(tableName)).table();
            if (isActive(table)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("table " + tableName + " did not become ACTIVE within "
                        + ACTIVE_TIMEOUT.toSeconds() + " s (status " + table.tableStatusAsString() + ")");
            }
            pause();
        }
    }

    private static boolean isActive(TableDescription table) {
        if (table.tableStatus() != TableStatus.ACTIVE) {
            return false;
        }
        return table.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexStatus)
                .allMatch(status -> status == null || status == IndexStatus.ACTIVE);
    }

    private static void enableTtl(DynamoDbClient client, String tableName, String attribute) {
        TimeToLiveStatus status = client.describeTimeToLive(request -> request.tableName(tableName))
                .timeToLiveDescription().timeToLiveStatus();
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
            return;
        }
        client.updateTimeToLive(request -> request.tableName(tableName)
                .timeToLiveSpecification(spec -> spec.attributeName(attribute).enabled(true)));
        LOG.info("enabled TTL on {}.{}", tableName, attribute);
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for tables to become ACTIVE", e);
        }
    }
}
