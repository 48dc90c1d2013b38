package dev.drsorchestrator.local.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CfnRuleLoaderTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void functionOf_shouldRecogniseHandlersInIntrinsicArns() throws IOException {
        assertThat(CfnRuleLoader.functionOf(MAPPER.readTree("{\"Fn::GetAtt\":[\"QueryHandlerFunction\",\"Arn\"]}")))
                .hasValue("query-handler");
        assertThat(CfnRuleLoader.functionOf(MAPPER.readTree(
                "{\"Fn::Sub\":\"arn:aws:lambda:${AWS::Region}:${AWS::AccountId}:function:x-data-management-handler\"}")))
                .hasValue("data-management-handler");
        assertThat(CfnRuleLoader.functionOf(MAPPER.readTree("{\"Ref\":\"ExecutionHandlerArn\"}")))
                .hasValue("execution-handler");
        assertThat(CfnRuleLoader.functionOf(MAPPER.readTree("\"arn:aws:sns:us-east-1:1:topic\""))).isEmpty();
    }

    @Test
    void load_shouldRegisterRulesWithResolvedNamesAndInputs_andSkipUnresolvable(@TempDir Path dir) throws IOException {
        // GIVEN a nested-stack template with two rules, one of which targets no local function
        Files.writeString(dir.resolve("events.yaml"), String.join("\n",
                "Parameters:",
                "  Environment: {Type: String, Default: prod}",
                "  TagSyncSchedule: {Type: String, Default: rate(4 hours)}",
                "Resources:",
                "  TagSyncRule:",
                "    Type: AWS::Events::Rule",
                "    Properties:",
                "      Name: !Sub 'drs-tag-sync-${Environment}'",
                "      ScheduleExpression: !Ref TagSyncSchedule",
                "      State: DISABLED",
                "      Targets:",
                "        - Id: DataManagement",
                "          Arn: !GetAtt DataManagementHandlerFunction.Arn",
                "          Input: !Sub '{\"operation\":\"handle_drs_tag_sync\",\"env\":\"${Environment}\"}'",
                "  TopicRule:",
                "    Type: AWS::Events::Rule",
                "    Properties:",
                "      ScheduleExpression: rate(1 day)",
                "      Targets:",
                "        - Id: Topic",
                "          Arn: !Ref AlertsTopic",
                ""));
        Files.writeString(dir.resolve("openapi.yaml"), "openapi: 3.0.3\npaths: {}\n");
        EventRules rules = new EventRules(() -> Instant.parse("2026-01-01T00:00:00Z"));

        // WHEN the directory is loaded with the local environment name
        List<CfnRuleLoader.Loaded> loaded = CfnRuleLoader.load(dir, rules, "us-east-1", "111111111111",
                Map.of("Environment", "local"));

        // THEN the resolvable rule is registered as written, the other skipped
        assertThat(loaded).extracting(CfnRuleLoader.Loaded::logicalId).containsExactly("TagSyncRule");
        EventRule rule = loaded.get(0).rule();
        assertThat(rule.name()).isEqualTo("drs-tag-sync-local");
        assertThat(rule.scheduleExpression()).isEqualTo("rate(4 hours)");
        assertThat(rule.enabled()).isFalse();
        assertThat(rule.targets()).singleElement().satisfies(t -> {
            assertThat(t.arn()).isEqualTo("data-management-handler");
            assertThat(t.input()).isEqualTo("{\"operation\":\"handle_drs_tag_sync\",\"env\":\"local\"}");
        });
    }

    @Test
    void load_shouldReturnNothing_whenDirectoryMissing() {
        assertThat(CfnRuleLoader.load(Path.of("no-such-dir"), new EventRules(Instant::now), "us-east-1", "1",
                Map.of())).isEmpty();
    }
}
