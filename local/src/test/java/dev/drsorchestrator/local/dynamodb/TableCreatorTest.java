package dev.drsorchestrator.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

class TableCreatorTest {

    private static final String VALID_TABLE = """
            Resources:
              ThingsTable:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "${ProjectName}-things-${Environment}"
                  BillingMode: PAY_PER_REQUEST
                  AttributeDefinitions:
                    - {AttributeName: id, AttributeType: S}
                    - {AttributeName: at, AttributeType: N}
                    - {AttributeName: owner, AttributeType: S}
                  KeySchema:
                    - {AttributeName: id, KeyType: HASH}
                    - {AttributeName: at, KeyType: RANGE}
                  GlobalSecondaryIndexes:
                    - IndexName: OwnerIndex
                      KeySchema: [{AttributeName: owner, KeyType: HASH}]
                      Projection: {ProjectionType: INCLUDE, NonKeyAttributes: [name]}
                  LocalSecondaryIndexes:
                    - IndexName: OwnerLocal
                      KeySchema: [{AttributeName: id, KeyType: HASH}, {AttributeName: owner, KeyType: RANGE}]
                      Projection: {ProjectionType: KEYS_ONLY}
                  StreamSpecification: {StreamViewType: NEW_IMAGE}
                  TimeToLiveSpecification: {AttributeName: expiresAt, Enabled: true}
            """;

    @Test
    void constructor_shouldTranslateEveryTableProperty_whenTableIsWellFormed() {
        // GIVEN a table with every property the creator carries
        TableCreator creator = new TableCreator(CfnTemplate.parse(VALID_TABLE, "t.yaml"));

        // WHEN its create request is built for a prefix
        TableSpec spec = TableSpecReader.read("t.yaml", creator.template().resources().get(0));
        CreateTableRequest request = spec.createRequest(spec.tableName("drs-test"));

        // THEN name, keys, indexes, billing and stream follow the template
        assertThat(spec.envVariable()).isEqualTo("THINGS_TABLE");
        assertThat(request.tableName()).isEqualTo("drs-test-things");
        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.keySchema()).extracting(k -> k.attributeName() + "/" + k.keyTypeAsString())
                .containsExactly("id/HASH", "at/RANGE");
        assertThat(request.globalSecondaryIndexes().get(0).projection().projectionType())
                .isEqualTo(ProjectionType.INCLUDE);
        assertThat(request.globalSecondaryIndexes().get(0).projection().nonKeyAttributes()).containsExactly("name");
        assertThat(request.localSecondaryIndexes().get(0).indexName()).isEqualTo("OwnerLocal");
        assertThat(request.streamSpecification().streamViewType()).isEqualTo(StreamViewType.NEW_IMAGE);
        assertThat(request.streamSpecification().streamEnabled()).isTrue();
        assertThat(spec.ttlAttribute()).contains("expiresAt");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "KeySchema:|KeySchemaX:|Properties.KeySchema is required and must be a non-empty list",
        "{AttributeName: at, KeyType: RANGE}|{AttributeName: zz, KeyType: RANGE}|"
            + "Properties.KeySchema[1].AttributeName 'zz' is not in AttributeDefinitions",
        "{AttributeName: at, KeyType: RANGE}|{AttributeName: at, KeyType: HASH}|"
            + "Properties.KeySchema[1].KeyType must be RANGE, got 'HASH'",
        "AttributeType: N|AttributeType: Q|Properties.AttributeDefinitions[1].AttributeType must be S, N or B",
        "-things-|-THINGS-|Properties.TableName must match ${ProjectName}-<suffix>-${Environment}",
        "TableName: !Sub|TableName: !Ref|Properties.TableName is required and must be !Sub",
        "{ProjectionType: KEYS_ONLY}|{ProjectionType: SOME}|"
            + "Properties.LocalSecondaryIndexes[0].Projection.ProjectionType must be ALL, KEYS_ONLY or INCLUDE",
        "NonKeyAttributes: [name]|NonKeyAttributes: []|"
            + "Properties.GlobalSecondaryIndexes[0].Projection.NonKeyAttributes is required",
        "{StreamViewType: NEW_IMAGE}|{StreamViewType: ALL}|Properties.StreamSpecification.StreamViewType must be",
        "Enabled: true}|Enabled: yes please}|Properties.TimeToLiveSpecification.Enabled is required",
        "BillingMode: PAY_PER_REQUEST|BillingMode: FREE|Properties.BillingMode must be PAY_PER_REQUEST or PROVISIONED",
        "BillingMode: PAY_PER_REQUEST|BillingMode: PROVISIONED|"
            + "Properties.ProvisionedThroughput is required with BillingMode PROVISIONED",
    })
    void constructor_shouldNameTableAndField_whenTableIsMalformed(String from, String to, String message) {
        // GIVEN a table with one property broken
        String broken = VALID_TABLE.replace(from, to);
        assertThat(broken).isNotEqualTo(VALID_TABLE);
        CfnTemplate template = CfnTemplate.parse(broken, "t.yaml");

        // WHEN / THEN the creator refuses it before touching DynamoDB, naming the table and field
        assertThatThrownBy(() -> new TableCreator(template))
                .isInstanceOf(CfnTemplateException.class)
                .hasMessageStartingWith("t.yaml: AWS::DynamoDB::Table ThingsTable: ")
                .hasMessageContaining(message);
    }

    @Test
    void constructor_shouldReject_whenTemplateHasNoTable() {
        CfnTemplate template = CfnTemplate.parse("Resources:\n  K:\n    Type: AWS::KMS::Key\n", "k.yaml");
        assertThatThrownBy(() -> new TableCreator(template))
                .isInstanceOf(CfnTemplateException.class)
                .hasMessage("k.yaml: declares no AWS::DynamoDB::Table");
    }

    @ParameterizedTest
    @CsvSource({
        "ProtectionGroupsTable, PROTECTION_GROUPS_TABLE",
        "AuditLogTable, AUDIT_LOG_TABLE",
        "Table, TABLE",
        "KMSKeyTable, KMS_KEY_TABLE",
        "Ec2Instances2Table, EC2_INSTANCES2_TABLE",
    })
    void upperSnake_shouldSplitWords_whenGivenALogicalId(String logicalId, String expected) {
        assertThat(TableSpec.upperSnake(logicalId)).isEqualTo(expected);
    }

    @Test
    void projectTemplate_shouldDeclareProductionSettings_forEveryTable() {
        // GIVEN the project's table template
        CfnTemplate template = CfnTemplate.fromClasspath(CfnTemplate.DYNAMODB_TABLES);
        List<CfnResource> tables = template.resourcesOfType("AWS::DynamoDB::Table");

        // WHEN / THEN every table is on-demand, recoverable, encrypted, protectable and has name and ARN outputs
        JsonNode outputs = template.root().get("Outputs");
        for (CfnResource table : tables) {
            JsonNode p = table.properties();
            assertThat(p.get("BillingMode").asText()).as(table.logicalId()).isEqualTo("PAY_PER_REQUEST");
            assertThat(p.at("/PointInTimeRecoverySpecification/PointInTimeRecoveryEnabled").asBoolean())
                    .as(table.logicalId()).isTrue();
            assertThat(p.at("/SSESpecification/SSEEnabled").asBoolean()).as(table.logicalId()).isTrue();
            assertThat(p.get("DeletionProtectionEnabled").get("Fn::If").get(0).asText())
                    .isEqualTo("DeletionProtectionOn");
            assertThat(outputs.get(table.logicalId() + "Name").get("Value").get("Ref").asText())
                    .isEqualTo(table.logicalId());
            assertThat(outputs.get(table.logicalId() + "Arn").get("Value").get("Fn::GetAtt").get(0).asText())
                    .isEqualTo(table.logicalId());
        }
        assertThat(outputs.get("AuditLogKeyArn").get("Value").get("Fn::GetAtt")).hasToString("[\"AuditLogKey\",\"Arn\"]");
        JsonNode audit = template.resource("AuditLogTable").orElseThrow().properties();
        assertThat(audit.at("/SSESpecification/SSEType").asText()).isEqualTo("KMS");
        assertThat(audit.at("/StreamSpecification/StreamViewType").asText()).isEqualTo("NEW_AND_OLD_IMAGES");
    }
}
