package dev.drsorchestrator.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TableCreatorIT {

    private static DynamoDbClient client;

    @BeforeAll
    static void connect() {
        client = LocalDynamoDb.shared().client();
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    @Test
    void createAll_shouldCreateEveryTemplateTableAsDeclared_whenTablesDoNotExist() {
        // GIVEN a fresh prefix and the project template
        String prefix = uniquePrefix();
        List<TableSpec> specs = templateSpecs();

        // WHEN the tables are created
        Map<String, String> env = TableCreator.createAll(client, prefix);

        // THEN every table of the template exists, ACTIVE, with the keys, indexes, stream and TTL it declares
        assertThat(env).hasSize(11).containsEntry("PROTECTION_GROUPS_TABLE", prefix + "-protection-groups")
                .containsEntry("EXECUTION_COUNTS_TABLE", prefix + "-execution-counts")
                .containsEntry("AUDIT_LOG_TABLE", prefix + "-audit-log")
                .containsEntry("CLAIMS_TABLE", prefix + "-claims");
        for (TableSpec spec : specs) {
            String name = env.get(spec.envVariable());
            assertThat(name).isEqualTo(prefix + "-" + spec.nameSuffix());
            TableDescription table = client.describeTable(r -> r.tableName(name)).table();
            assertThat(table.tableStatus()).as(name).isEqualTo(TableStatus.ACTIVE);
            assertThat(table.keySchema()).as(name).containsExactlyElementsOf(spec.keySchema());
            assertThat(table.attributeDefinitions()).as(name)
                    .containsExactlyInAnyOrderElementsOf(spec.attributeDefinitions());
            assertThat(indexes(table)).as(name).isEqualTo(declaredIndexes(spec));
            assertThat(table.billingModeSummary().billingMode()).as(name).isEqualTo(BillingMode.PAY_PER_REQUEST);
            assertThat(streamView(table)).as(name).isEqualTo(spec.streamViewType().orElse(null));
            TimeToLiveDescription ttl = client.describeTimeToLive(r -> r.tableName(name)).timeToLiveDescription();
            if (spec.ttlAttribute().isPresent()) {
                assertThat(ttl.timeToLiveStatus()).as(name).isEqualTo(TimeToLiveStatus.ENABLED);
                assertThat(ttl.attributeName()).as(name).isEqualTo(spec.ttlAttribute().get());
            } else {
                assertThat(ttl.timeToLiveStatus()).as(name).isEqualTo(TimeToLiveStatus.DISABLED);
            }
        }
    }

    @Test
    void createAll_shouldMatchTheDataModel_forTheAuditAndExecutionTables() {
        // GIVEN a fresh prefix
        String prefix = uniquePrefix();

        // WHEN the tables are created
        Map<String, String> env = TableCreator.createAll(client, prefix);

        // THEN the tables the data model describes have its keys, indexes, stream and TTL
        TableDescription audit = client.describeTable(r -> r.tableName(env.get("AUDIT_LOG_TABLE"))).table();
        assertThat(audit.keySchema()).extracting(KeySchemaElement::attributeName).containsExactly("auditId");
        assertThat(indexes(audit)).containsOnlyKeys("UserEmailIndex", "TargetAccountIndex", "OperationIndex",
                "DayIndex");
        assertThat(indexes(audit).get("DayIndex")).isEqualTo("day/HASH,timestamp/RANGE|ALL");
        assertThat(streamView(audit)).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        assertThat(client.describeTimeToLive(r -> r.tableName(env.get("CLAIMS_TABLE")))
                .timeToLiveDescription().attributeName()).isEqualTo("expiresAt");
        TableDescription executions = client.describeTable(
                r -> r.tableName(env.get("EXECUTION_HISTORY_TABLE"))).table();
        assertThat(executions.keySchema()).extracting(KeySchemaElement::attributeName)
                .containsExactly("executionId", "planId");
        assertThat(indexes(executions)).containsEntry("StatusIndex", "status/HASH,startTime/RANGE|ALL")
                .containsEntry("PlanIndex", "planId/HASH,startTime/RANGE|ALL");
        assertThat(env.keySet()).containsExactly("PROTECTION_GROUPS_TABLE", "RECOVERY_PLANS_TABLE",
                "EXECUTION_HISTORY_TABLE", "EXECUTION_COUNTS_TABLE", "TARGET_ACCOUNTS_TABLE", "SOURCE_SERVER_INVENTORY_TABLE",
                "REGION_STATUS_TABLE", "RECOVERY_INSTANCES_TABLE", "TAG_SYNC_CONFIG_TABLE", "CLAIMS_TABLE",
                "AUDIT_LOG_TABLE");
    }

    @Test
    void createAll_shouldLeaveTablesAlone_whenCalledASecondTime() {
        // GIVEN tables already created under a prefix, holding an item
        String prefix = uniquePrefix();
        Map<String, String> first = TableCreator.createAll(client, prefix);
        String groups = first.get("PROTECTION_GROUPS_TABLE");
        client.putItem(r -> r.tableName(groups).item(Map.of(
                "groupId", AttributeValue.fromS("pg-1"))));
        Map<String, Instant> created = creationTimes(first);

        // WHEN createAll runs again
        Map<String, String> second = TableCreator.createAll(client, prefix);

        // THEN it returns the same names, recreated nothing and kept the data
        assertThat(second).isEqualTo(first);
        assertThat(creationTimes(second)).isEqualTo(created);
        assertThat(client.scan(r -> r.tableName(groups)).count()).isEqualTo(1);
        assertThat(client.listTables().tableNames().stream().filter(n -> n.startsWith(prefix + "-")))
                .hasSize(11);
    }

    @Test
    void createAll_shouldRejectThePrefix_whenItIsNotATableNameFragment() {
        assertThatThrownBy(() -> TableCreator.createAll(client, "bad prefix!"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("namePrefix must be");
    }

    @Test
    void start_shouldServeOnItsOwnLoopbackPortUntilClosed_whenStartedAlone() {
        // GIVEN a private DynamoDB Local
        DynamoDbClient own;
        try (LocalDynamoDb local = LocalDynamoDb.start()) {
            own = local.client();
            // WHEN a table is created there
            Map<String, String> env = TableCreator.createAll(own, "own");

            // THEN it is there and not on the shared server
            assertThat(local.endpoint().getHost()).isEqualTo("127.0.0.1");
            assertThat(local.port()).isNotEqualTo(LocalDynamoDb.shared().port());
            assertThat(own.listTables().tableNames()).containsAll(env.values());
            assertThat(client.listTables().tableNames()).doesNotContainAnyElementsOf(env.values());
        }
        // AND after close it no longer answers
        try (DynamoDbClient closedClient = own) {
            assertThatThrownBy(closedClient::listTables).isInstanceOf(SdkClientException.class);
        }
    }

    private static String uniquePrefix() {
        return "drs-test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static List<TableSpec> templateSpecs() {
        CfnTemplate template = CfnTemplate.fromClasspath(CfnTemplate.DYNAMODB_TABLES);
        return template.resourcesOfType("AWS::DynamoDB::Table").stream()
                .map(resource -> TableSpecReader.read(template.source(), resource))
                .toList();
    }

    private static Map<String, String> indexes(TableDescription table) {
        return table.globalSecondaryIndexes().stream().collect(Collectors.toMap(
                GlobalSecondaryIndexDescription::indexName,
                index -> keys(index.keySchema()) + "|" + index.projection().projectionTypeAsString()));
    }

    private static Map<String, String> declaredIndexes(TableSpec spec) {
        return spec.globalSecondaryIndexes().stream().collect(Collectors.toMap(
                GlobalSecondaryIndex::indexName,
                index -> keys(index.keySchema()) + "|" + index.projection().projectionTypeAsString()));
    }

    private static String keys(List<KeySchemaElement> keys) {
        return keys.stream().map(k -> k.attributeName() + "/" + k.keyTypeAsString()).collect(Collectors.joining(","));
    }

    private static StreamViewType streamView(TableDescription table) {
        return table.streamSpecification() == null || !Boolean.TRUE.equals(table.streamSpecification().streamEnabled())
                ? null : table.streamSpecification().streamViewType();
    }

    private static Map<String, Instant> creationTimes(Map<String, String> env) {
        Map<String, Instant> times = new HashMap<>();
        env.values().forEach(name -> times.put(name,
                client.describeTable(r -> r.tableName(name)).table().creationDateTime()));
        return times;
    }
}
