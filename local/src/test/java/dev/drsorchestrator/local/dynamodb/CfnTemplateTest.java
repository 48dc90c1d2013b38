package dev.drsorchestrator.local.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CfnTemplateTest {

    private static final String SHORT_FORMS = """
            AWSTemplateFormatVersion: 2010-09-09
            Conditions:
              On: !Equals [!Ref Flag, "true"]
            Resources:
              Key:
                Type: AWS::KMS::Key
              Table:
                Type: AWS::DynamoDB::Table
                Properties:
                  TableName: !Sub "${ProjectName}-things-${Environment}"
                  Listed: !Sub
                    - "${A}-x"
                    - A: !Ref Other
                  KeyArn: !GetAtt Key.Arn
                  StreamArn: !GetAtt [Table, StreamArn]
                  Protect: !If [On, true, false]
                  Answer: yes
                  Count: 3
                  Joined: !Join ["-", [a, !Ref AWS::Region]]
            """;

    @Test
    void parse_shouldExpandToLongForm_whenTemplateUsesShortFormTags() {
        // GIVEN a template written with short-form intrinsics
        // WHEN it is parsed
        CfnTemplate template = CfnTemplate.parse(SHORT_FORMS, "short.yaml");

        // THEN every tag is the long form a JSON template would hold
        JsonNode properties = template.resource("Table").orElseThrow().properties();
        assertThat(properties.get("TableName").get("Fn::Sub").asText())
                .isEqualTo("${ProjectName}-things-${Environment}");
        assertThat(properties.get("Listed").get("Fn::Sub").get(0).asText()).isEqualTo("${A}-x");
        assertThat(properties.get("Listed").get("Fn::Sub").get(1).get("A").get("Ref").asText()).isEqualTo("Other");
        assertThat(properties.get("KeyArn").get("Fn::GetAtt")).hasToString("[\"Key\",\"Arn\"]");
        assertThat(properties.get("StreamArn").get("Fn::GetAtt")).hasToString("[\"Table\",\"StreamArn\"]");
        assertThat(properties.get("Protect").get("Fn::If")).hasToString("[\"On\",true,false]");
        assertThat(properties.get("Joined").get("Fn::Join")).hasToString("[\"-\",[\"a\",{\"Ref\":\"AWS::Region\"}]]");
        assertThat(properties.get("Answer").isTextual()).isTrue();
        assertThat(properties.get("Count").intValue()).isEqualTo(3);
        assertThat(template.root().get("AWSTemplateFormatVersion").asText()).isEqualTo("2010-09-09");
        assertThat(template.root().get("Conditions").get("On").get("Fn::Equals"))
                .hasToString("[{\"Ref\":\"Flag\"},\"true\"]");
    }

    @Test
    void resourcesOfType_shouldReturnOnlyThatTypeInTemplateOrder_whenSeveralTypesAreDeclared() {
        // GIVEN a template with tables and a key
        CfnTemplate template = CfnTemplate.parse("""
                Resources:
                  B:
                    Type: AWS::DynamoDB::Table
                  K:
                    Type: AWS::KMS::Key
                  A:
                    Type: AWS::DynamoDB::Table
                """, "t.yaml");

        // WHEN the tables are asked for
        // THEN they come in template order, without the key, with empty properties
        assertThat(template.resourcesOfType("AWS::DynamoDB::Table"))
                .extracting(CfnResource::logicalId).containsExactly("B", "A");
        assertThat(template.resourcesOfType("AWS::DynamoDB::Table").get(0).properties().isEmpty()).isTrue();
        assertThat(template.resource("missing")).isEmpty();
    }

    @Test
    void parse_shouldNameTheTag_whenTagIsUnknown() {
        // GIVEN a template with a tag CloudFormation does not have
        String text = "Resources:\n  T:\n    Type: X\n    Properties:\n      A: !Bogus value\n";

        // WHEN / THEN
        assertThatThrownBy(() -> CfnTemplate.parse(text, "bad.yaml"))
                .isInstanceOf(CfnTemplateException.class)
                .hasMessageContaining("bad.yaml")
                .hasMessageContaining("unknown CloudFormation tag !Bogus");
    }

    @Test
    void parse_shouldNameTheLine_whenYamlIsInvalid() {
        // GIVEN text that is not YAML (an unclosed flow sequence)
        String text = "Resources:\n  T:\n    Type: [X\n";

        // WHEN / THEN
        assertThatThrownBy(() -> CfnTemplate.parse(text, "broken.yaml"))
                .isInstanceOf(CfnTemplateException.class)
                .hasMessageStartingWith("broken.yaml is not a valid template")
                .hasMessageContaining("line");
    }

    @Test
    void parse_shouldReject_whenAKeyIsDuplicated() {
        // GIVEN two resources with the same logical id
        String text = "Resources:\n  T:\n    Type: X\n  T:\n    Type: Y\n";

        // WHEN / THEN
        assertThatThrownBy(() -> CfnTemplate.parse(text, "dup.yaml"))
                .isInstanceOf(CfnTemplateException.class)
                .hasMessageContaining("duplicate key T");
    }

    @Test
    void parse_shouldReject_whenResourcesIsMissing() {
        assertThatThrownBy(() -> CfnTemplate.parse("Parameters: {}\n", "empty.yaml"))
                .isInstanceOf(CfnTemplateException.class)
                .hasMessage("empty.yaml: Resources is required and must be a non-empty mapping");
    }

    @Test
    void parse_shouldReject_whenTopLevelIsNotAMapping() {
        assertThatThrownBy(() -> CfnTemplate.parse("- a\n- b\n", "list.yaml"))
                .isInstanceOf(CfnTemplateException.class)
                .hasMessage("list.yaml: a template must be a mapping at the top level");
    }

    @Test
    void parse_shouldNameTheResource_whenTypeIsMissing() {
        assertThatThrownBy(() -> CfnTemplate.parse("Resources:\n  T:\n    Properties: {}\n", "t.yaml"))
                .isInstanceOf(CfnTemplateException.class)
                .hasMessage("t.yaml: Resources.T.Type is required and must be a string");
    }

    @Test
    void parse_shouldReject_whenGetAttHasNoAttribute() {
        String text = "Resources:\n  T:\n    Type: X\n    Properties:\n      A: !GetAtt Key\n";
        assertThatThrownBy(() -> CfnTemplate.parse(text, "t.yaml"))
                .isInstanceOf(CfnTemplateException.class)
                .hasMessageContaining("!GetAtt needs the form LogicalId.Attribute");
    }

    @Test
    void fromFile_shouldReadTheTemplate_whenFileExists(@TempDir Path dir) throws IOException {
        // GIVEN a template file
        Path file = dir.resolve("t.yaml");
        Files.writeString(file, "Resources:\n  T:\n    Type: AWS::SNS::Topic\n");

        // WHEN it is read
        CfnTemplate template = CfnTemplate.fromFile(file);

        // THEN its resources and source are known
        assertThat(template.source()).isEqualTo(file.toString());
        assertThat(template.resources()).containsExactly(
                new CfnResource("T", "AWS::SNS::Topic", template.resources().get(0).properties()));
    }

    @Test
    void fromClasspath_shouldReject_whenResourceIsAbsent() {
        assertThatThrownBy(() -> CfnTemplate.fromClasspath("cfn/nope.yaml"))
                .isInstanceOf(CfnTemplateException.class)
                .hasMessage("template cfn/nope.yaml is not on the classpath");
    }

    @Test
    void fromClasspath_shouldReadTheProjectTableTemplate_whenBuiltFromCfn() {
        // GIVEN the template copied from cfn/ at build time
        // WHEN it is read
        CfnTemplate template = CfnTemplate.fromClasspath(CfnTemplate.DYNAMODB_TABLES);

        // THEN it declares the eleven tables of the data model and the audit key, wired by !GetAtt
        assertThat(template.resourcesOfType("AWS::DynamoDB::Table")).extracting(CfnResource::logicalId)
                .containsExactly("ProtectionGroupsTable", "RecoveryPlansTable", "ExecutionHistoryTable",
                        "ExecutionCountsTable", "TargetAccountsTable", "SourceServerInventoryTable", "RegionStatusTable",
                        "RecoveryInstancesTable", "TagSyncConfigTable", "ClaimsTable", "AuditLogTable");
        JsonNode key = template.resource("AuditLogKey").orElseThrow().properties();
        assertThat(key.get("EnableKeyRotation").asBoolean()).isTrue();
        JsonNode sse = template.resource("AuditLogTable").orElseThrow().properties().get("SSESpecification");
        assertThat(sse.get("KMSMasterKeyId").get("Fn::GetAtt")).hasToString("[\"AuditLogKey\",\"Arn\"]");
        assertThat(template.root().get("Parameters").fieldNames())
                .toIterable().containsExactly("ProjectName", "Environment", "DeletionProtection");
    }
}
