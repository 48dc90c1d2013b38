package dev.drsorchestrator.tests.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.dynamodb.CfnResource;
import dev.drsorchestrator.local.dynamodb.CfnTemplate;
import dev.drsorchestrator.shared.config.Table;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The master template and its nested stacks fit together, offline: parameters, outputs, names and settings. */
class StackWiringTest {
    private static final CfnTemplate MASTER = CfnFiles.template(CfnFiles.MASTER);
    private static final Pattern NESTED_FILE = Pattern.compile("\\$\\{TemplatePrefix}/([a-z-]+\\.yaml)$");
    private static final int MAX_TEMPLATE_BYTES = 800 * 1024;

    @Test
    void nestedStacks_shouldReceiveExactlyTheirParameters_whenMasterIsRead() {
        for (CfnResource stack : MASTER.resourcesOfType("AWS::CloudFormation::Stack")) {
            // GIVEN the nested template the master points at
            CfnTemplate nested = CfnFiles.template(nestedFile(stack));
            JsonNode declared = nested.root().path("Parameters");
            Set<String> passed = names(stack.properties().path("Parameters"));
            // THEN every passed parameter is declared, and every declared one without a default is passed
            assertThat(names(declared)).as(stack.logicalId()).containsAll(passed);
            Set<String> required = new TreeSet<>();
            declared.fields().forEachRemaining(entry -> {
                if (!entry.getValue().has("Default")) {
                    required.add(entry.getKey());
                }
            });
            assertThat(passed).as(stack.logicalId()).containsAll(required);
        }
    }

    @Test
    void nestedOutputs_shouldExist_whenMasterReadsThem() {
        // GIVEN every Fn::GetAtt Stack.Outputs.Name in the master
        List<String[]> references = new ArrayList<>();
        collectOutputReferences(MASTER.root(), references);
        assertThat(references).isNotEmpty();
        for (String[] reference : references) {
            CfnResource stack = MASTER.resource(reference[0]).orElseThrow();
            // THEN the nested template declares that output
            assertThat(names(CfnFiles.template(nestedFile(stack)).root().path("Outputs")))
                    .as(reference[0]).contains(reference[1]);
        }
    }

    @Test
    void functions_shouldRunJava17WithSnapStartAndEveryTable_whenTemplateIsRead() {
        // GIVEN the three functions
        List<CfnResource> functions = CfnFiles.template(CfnFiles.FUNCTIONS).resourcesOfType("AWS::Lambda::Function");
        assertThat(functions).hasSize(3);
        for (CfnResource function : functions) {
            JsonNode properties = function.properties();
            // THEN each is Java 17 with SnapStart on published versions, a loadable handler class and every table
            assertThat(properties.path("Runtime").asText()).isEqualTo("java17");
            assertThat(properties.path("SnapStart").path("ApplyOn").asText()).isEqualTo("PublishedVersions");
            String handlerClass = properties.path("Handler").asText().split("::")[0];
            assertThat(loadable(handlerClass)).as(handlerClass).isTrue();
            Set<String> variables = names(properties.path("Environment").path("Variables"));
            for (Table table : Table.values()) {
                assertThat(variables).as(function.logicalId()).contains(table.envVariable());
            }
        }
        assertThat(CfnFiles.template(CfnFiles.FUNCTIONS).resourcesOfType("AWS::Lambda::Alias"))
                .extracting(alias -> alias.properties().path("Name").asText()).containsOnly("live");
    }

    @Test
    void apiStack_shouldDeclareEveryParameterTheContractNeeds_whenContractIsIncluded() {
        // GIVEN the parameters openapi.yaml's Fn::Sub expressions resolve against
        Set<String> needed = new TreeSet<>();
        String openApi = CfnFiles.text(CfnFiles.cfnDir().resolve("openapi.yaml"));
        Matcher list = Pattern.compile("(?m)^x-drs-template-parameters:\\n((?:- \\w+\\n)+)").matcher(openApi);
        assertThat(list.find()).isTrue();
        for (String line : list.group(1).split("\n")) {
            needed.add(line.substring(2).trim());
        }
        // THEN the API stack declares them and includes the document with AWS::Include
        CfnTemplate api = CfnFiles.template(CfnFiles.API);
        assertThat(names(api.root().path("Parameters"))).containsAll(needed);
        JsonNode body = api.resource("RestApi").orElseThrow().properties().path("Body").path("Fn::Transform");
        assertThat(body.path("Name").asText()).isEqualTo("AWS::Include");
    }

    @Test
    void stateMachine_shouldSubstituteTheThreeHandlers_andValidateTheAslFileWhenPresent() {
        // GIVEN the state machine resource
        JsonNode properties = CfnFiles.template(CfnFiles.STATE_MACHINE).resource("StateMachine").orElseThrow()
                .properties();
        Set<String> substitutions = names(properties.path("DefinitionSubstitutions"));
        // THEN it is defined by the ASL file in S3 with the three function ARNs substituted
        assertThat(substitutions).containsExactlyInAnyOrder("QueryHandlerArn", "DataManagementHandlerArn",
                "ExecutionHandlerArn");
        assertThat(properties.has("DefinitionS3Location")).isTrue();
        // AND when the ASL file is on this branch, it uses no substitution the template does not provide
        CfnFiles.optionalText("cfn/" + CfnFiles.ASL).ifPresent(asl -> {
            Matcher variable = Pattern.compile("\\$\\{(\\w+)}").matcher(asl);
            Set<String> used = new HashSet<>();
            while (variable.find()) {
                used.add(variable.group(1));
            }
            assertThat(substitutions).containsAll(used);
        });
    }

    @Test
    void schedules_shouldRunSyncsOnDataManagementWithTheirRuleArn_whenTemplateIsRead() {
        CfnTemplate rules = CfnFiles.template(CfnFiles.SCHEDULES);
        // GIVEN the inventory and staging rules
        assertThat(rules.resource("InventorySyncRule").orElseThrow().properties().path("ScheduleExpression").asText())
                .isEqualTo("rate(5 minutes)");
        assertThat(rules.resource("StagingSyncRule").orElseThrow().properties().path("ScheduleExpression").asText())
                .isEqualTo("rate(15 minutes)");
        for (CfnResource rule : rules.resourcesOfType("AWS::Events::Rule")) {
            JsonNode target = rule.properties().path("Targets").get(0);
            // THEN every target passes the rule's own ARN as invokedBy
            String input = target.path("Input").path("Fn::Sub").asText();
            String name = rule.properties().path("Name").path("Fn::Sub").asText();
            assertThat(input).as(rule.logicalId()).contains("\"invokedBy\": \"arn:${AWS::Partition}:events:"
                    + "${AWS::Region}:${AWS::AccountId}:rule/" + name + "\"");
        }
        assertThat(rules.resource("InventorySyncRule").orElseThrow().properties().path("Targets").get(0)
                .path("Arn").path("Ref").asText()).isEqualTo("DataManagementHandlerArn");
    }

    @Test
    void everyTemplate_shouldStayUnderTheSizeLimit_whenMeasured() throws IOException {
        // GIVEN every template in cfn/
        try (Stream<Path> files = Files.list(CfnFiles.cfnDir())) {
            List<Path> templates = files.filter(path -> path.toString().endsWith(".yaml")).toList();
            assertThat(templates).hasSizeGreaterThanOrEqualTo(11);
            for (Path template : templates) {
                // THEN each is under 800 KB
                assertThat(Files.size(template)).as(template.toString()).isLessThan(MAX_TEMPLATE_BYTES);
            }
        }
    }

    private static String nestedFile(CfnResource stack) {
        String url = stack.properties().path("TemplateURL").path("Fn::Sub").asText();
        Matcher matcher = NESTED_FILE.matcher(url);
        assertThat(matcher.find()).as(url).isTrue();
        assertThat(Files.exists(CfnFiles.cfnDir().resolve(matcher.group(1)))).as(url).isTrue();
        return matcher.group(1);
    }

    private static void collectOutputReferences(JsonNode node, List<String[]> references) {
        if (node.isObject()) {
            JsonNode getAtt = node.get("Fn::GetAtt");
            if (getAtt != null && getAtt.isArray() && getAtt.size() == 2
                    && getAtt.get(1).asText().startsWith("Outputs.")) {
                references.add(new String[] {getAtt.get(0).asText(), getAtt.get(1).asText().substring(8)});
            }
            node.elements().forEachRemaining(child -> collectOutputReferences(child, references));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectOutputReferences(child, references));
        }
    }

    private static Set<String> names(JsonNode mapping) {
        Set<String> names = new TreeSet<>();
        mapping.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className, false, StackWiringTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
