package dev.drsorchestrator.tests.cfn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.local.dynamodb.CfnTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Least privilege, read from the committed templates: what each role may do, and on what. */
class IamPolicyTest {
    private static final CfnTemplate ROLES = CfnFiles.template(CfnFiles.IAM_ROLES);
    private static final CfnTemplate CROSS_ACCOUNT = CfnFiles.template(CfnFiles.CROSS_ACCOUNT);
    private static final List<PolicyStatement> HUB = PolicyStatement.of(ROLES);
    private static final List<PolicyStatement> TARGET = PolicyStatement.of(CROSS_ACCOUNT);
    private static final List<String> FUNCTION_ROLES = List.of("QueryHandlerRole", "DataManagementHandlerRole",
            "ExecutionHandlerRole");

    /**
     * Mutating actions AWS authorizes only on "*" (the service defines no resource type for them): the Step Functions
     * task-token callbacks, where holding the token is the authorization.
     */
    private static final Set<String> NO_RESOURCE_TYPE = Set.of("states:SendTaskSuccess", "states:SendTaskFailure");

    private static List<PolicyStatement> of(String role) {
        return HUB.stream().filter(statement -> statement.role().equals(role)).toList();
    }

    @Test
    void queryHandlerRole_shouldGrantNoWriteButAuditPutItem_whenReadFromTemplate() {
        // GIVEN the query-handler role
        List<PolicyStatement> statements = of("QueryHandlerRole");
        // WHEN its actions are split into reads and the rest
        Set<String> writes = statements.stream().filter(statement -> !statement.policy().equals("logs"))
                .flatMap(statement -> statement.actions().stream())
                .filter(PolicyStatement::isMutating).collect(Collectors.toCollection(TreeSet::new));
        // THEN the only writes are the audit PutItem and the cross-account hop
        assertThat(writes).containsExactly("dynamodb:PutItem", "sts:AssumeRole");
        assertThat(statements).filteredOn(statement -> statement.actions().contains("dynamodb:PutItem"))
                .singleElement()
                .satisfies(statement -> assertThat(statement.resourceTexts()).containsExactly("Ref:AuditLogTableArn"));
        assertThat(statements).filteredOn(statement -> statement.policy().equals("logs"))
                .flatExtracting(PolicyStatement::actions)
                .containsExactlyInAnyOrder("logs:CreateLogStream", "logs:PutLogEvents");
    }

    @Test
    void executionCountsTable_shouldBeWrittenOnlyByExecutionHandlerAndReadByKeyByQueryHandler_whenReadFromTemplate() {
        // GIVEN every statement on the execution-counts table (or its indexes)
        Map<String, Set<String>> actionsByRole = HUB.stream()
                .filter(statement -> statement.resourceTexts().stream()
                        .anyMatch(resource -> resource.contains("ExecutionCountsTableArn")))
                .collect(Collectors.groupingBy(PolicyStatement::role, TreeMap::new, Collectors.flatMapping(
                        statement -> statement.actions().stream(), Collectors.toCollection(TreeSet::new))));
        // THEN query-handler reads items by key only; execution-handler (the ExecutionStore writes and the rebuild)
        // writes; data-management-handler has no access
        assertThat(actionsByRole).containsOnlyKeys("QueryHandlerRole", "ExecutionHandlerRole");
        assertThat(actionsByRole.get("QueryHandlerRole")).containsExactlyInAnyOrder("dynamodb:GetItem",
                "dynamodb:BatchGetItem", "dynamodb:Query");
        assertThat(actionsByRole.get("ExecutionHandlerRole")).contains("dynamodb:UpdateItem", "dynamodb:PutItem",
                "dynamodb:Scan").doesNotContain("dynamodb:DeleteItem", "dynamodb:BatchWriteItem");
    }

    @Test
    void everyRole_shouldNotGrantAMutatingActionOnEveryResource_whenReadFromTemplates() {
        // GIVEN every Allow statement of the hub roles and the target-account role
        List<PolicyStatement> all = new ArrayList<>(HUB);
        all.addAll(TARGET);
        // WHEN the statements on "*" are collected
        Set<String> mutatingOnStar = all.stream().filter(PolicyStatement::onEveryResource)
                .flatMap(statement -> statement.actions().stream())
                .filter(PolicyStatement::isMutating).collect(Collectors.toCollection(TreeSet::new));
        // THEN only actions without a resource type are there, and no action is itself a wildcard
        assertThat(mutatingOnStar).isSubsetOf(NO_RESOURCE_TYPE);
        assertThat(all).flatExtracting(PolicyStatement::actions).noneMatch(action -> action.contains("*"));
    }

    @Test
    void functionRoles_shouldAssumeOnlyTheCrossAccountRole_whenReadFromTemplate() {
        // GIVEN each function role's AssumeRole statements
        for (String role : FUNCTION_ROLES) {
            List<PolicyStatement> assume = of(role).stream()
                    .filter(statement -> statement.actions().contains("sts:AssumeRole")).toList();
            // THEN there is one, on the cross-account role name in any account
            assertThat(assume).as(role).singleElement().satisfies(statement -> {
                assertThat(statement.actions()).containsExactly("sts:AssumeRole");
                assertThat(statement.resourceTexts())
                        .containsExactly("arn:${AWS::Partition}:iam::*:role/${CrossAccountRoleName}");
            });
        }
    }

    @Test
    void stateMachineRole_shouldOnlyInvokeTheThreeHandlers_whenReadFromTemplate() {
        // GIVEN the state machine's role
        List<PolicyStatement> statements = of("StateMachineRole");
        // THEN it invokes the live aliases of the three handlers and does nothing else
        assertThat(statements).flatExtracting(PolicyStatement::actions).containsOnly("lambda:InvokeFunction");
        assertThat(statements).flatExtracting(PolicyStatement::resourceTexts).containsExactlyInAnyOrder(
                "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ProjectName}-query-handler-${Environment}:live",
                "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ProjectName}-data-management-handler-${Environment}:live",
                "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${ProjectName}-execution-handler-${Environment}:live");
    }

    @Test
    void roles_shouldGrantEveryGatewayCallOfTheirHandler_whenComparedWithAwsGatewaysDoc() {
        // GIVEN the per-gateway call table of docs/aws-gateways.md
        Map<String, Set<String>> expected = Map.of(
                "QueryHandlerRole", documentedActions("query"),
                "DataManagementHandlerRole", documentedActions("data-management"),
                "ExecutionHandlerRole", documentedActions("execution"));
        for (Map.Entry<String, Set<String>> entry : expected.entrySet()) {
            // WHEN the role's granted actions are collected
            Set<String> granted = of(entry.getKey()).stream().flatMap(statement -> statement.actions().stream())
                    .collect(Collectors.toSet());
            // THEN each documented call of that handler is granted (the handler would get AccessDenied otherwise)
            assertThat(entry.getValue()).as(entry.getKey()).contains("sts:AssumeRole", "sts:GetCallerIdentity");
            assertThat(granted).as(entry.getKey()).containsAll(entry.getValue());
        }
    }

    @Test
    void crossAccountRole_shouldTrustOnlyTheHubFunctionRolesWithExternalId_whenReadFromTemplate() {
        // GIVEN the target-account role's trust policy
        var trust = CROSS_ACCOUNT.resource("CrossAccountRole").orElseThrow().properties()
                .path("AssumeRolePolicyDocument").path("Statement");
        // THEN one statement: the three hub function roles, only with the ExternalId
        assertThat(trust).hasSize(1);
        assertThat(trust.get(0).path("Principal").path("AWS")).hasSize(3);
        assertThat(trust.get(0).path("Condition").path("StringEquals").path("sts:ExternalId").path("Ref").asText())
                .isEqualTo("ExternalId");
        // AND it can do in a target account what the handlers do there
        Set<String> granted = TARGET.stream().flatMap(statement -> statement.actions().stream())
                .collect(Collectors.toSet());
        Set<String> documented = new TreeSet<>(documentedActions("query"));
        documented.addAll(documentedActions("data-management"));
        documented.addAll(documentedActions("execution"));
        documented.removeIf(action -> action.startsWith("states:") || action.startsWith("events:")
                || action.startsWith("sns:") || action.equals("sts:AssumeRole"));
        assertThat(granted).containsAll(documented);
    }

    /**
     * The AWS actions of every row of docs/aws-gateways.md whose "used by" column names the handler (a row's actions
     * with {@code *} in them are illustrations, not grants).
     */
    private static Set<String> documentedActions(String handler) {
        String doc = CfnFiles.text(CfnFiles.repositoryFile("docs/aws-gateways.md"));
        Pattern action = Pattern.compile("`([a-z0-9]+:[A-Za-z]+)`");
        Set<String> actions = new TreeSet<>();
        for (String line : doc.split("\n")) {
            String[] cells = line.split("\\|");
            if (cells.length < 5 || !line.contains("Gateway`") && !line.startsWith("| |")) {
                continue;
            }
            String usedBy = cells[4];
            if (!usedBy.contains(handler) && !usedBy.contains("every cross-account call")) {
                continue;
            }
            Matcher matcher = action.matcher(cells[3]);
            while (matcher.find()) {
                actions.add(matcher.group(1));
            }
        }
        if (handler.equals("query")) {
            // query-handler may use only the read methods of a row (docs/aws-gateways.md, ARCHITECTURE section 4)
            actions.removeIf(name -> PolicyStatement.isMutating(name) && !name.equals("sts:AssumeRole"));
        }
        return actions;
    }
}
