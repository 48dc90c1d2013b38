package dev.drsorchestrator.tests.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds cfn/openapi.yaml to the rules every handler, the API stack and the local runtime rely on: one operationId,
 * one permission and one handler per route, resolvable references, declared path parameters and Cognito everywhere
 * but /health.
 */
final class OpenApiDocumentTest {

    private static final String COGNITO = "CognitoUserPool";
    private static final Map<String, String> ARN_PARAMETER = Map.of(
            "query-handler", "QueryHandlerArn",
            "data-management-handler", "DataManagementHandlerArn",
            "execution-handler", "ExecutionHandlerArn");
    private static final String ACCOUNT_ID = "^[0-9]{12}$";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private static JsonNode root;
    private static List<ApiOperation> routes;

    @BeforeAll
    static void loadDocument() {
        root = ContractDocuments.openApi();
        routes = ApiOperation.routes(root);
    }

    @Test
    void document_shouldHaveOpenApi30Structure_whenParsed() {
        // GIVEN the committed document (loaded once)
        // WHEN its top-level members are read
        String version = root.path("openapi").asText();
        // THEN it is an OpenAPI 3.0 document with info, paths and components
        assertThat(version).startsWith("3.0.");
        assertThat(root.path("info").path("title").asText()).isNotBlank();
        assertThat(root.path("info").path("version").asText()).isNotBlank();
        assertThat(root.path("paths").isObject()).isTrue();
        assertThat(routes).hasSizeGreaterThan(60);
        assertThat(root.path("components").path("schemas").size()).isPositive();
        assertThat(root.path("components").path("securitySchemes").has(COGNITO)).isTrue();
    }

    @Test
    void operationIds_shouldBeUniqueAndPresent_whenCollectedOverEveryOperation() {
        // GIVEN every operation, CORS preflights included
        List<ApiOperation> all = ApiOperation.all(root);
        // WHEN the operation ids are grouped
        Map<String, List<String>> byId = all.stream().collect(Collectors.groupingBy(
                ApiOperation::operationId, Collectors.mapping(ApiOperation::label, Collectors.toList())));
        // THEN none is blank and none is shared
        assertThat(byId).doesNotContainKey("");
        assertThat(byId.entrySet()).filteredOn(e -> e.getValue().size() > 1).isEmpty();
        assertThat(routes).allSatisfy(r -> assertThat(r.operationId()).matches("^[a-z][a-z0-9_]*$"));
    }

    @Test
    void requiredPermission_shouldBeExactlyOneKnownPermission_whenRouteIsNotHealth() {
        // GIVEN every route except health WHEN its permission is read THEN it is one string of the RBAC matrix
        assertThat(routes).filteredOn(r -> !r.isHealth()).allSatisfy(r -> {
            JsonNode permission = r.node().path("x-required-permission");
            assertThat(permission.isTextual()).as(r.label() + " names one permission as a string").isTrue();
            assertThat(ContractDocuments.PERMISSIONS).as(r.label()).contains(permission.asText());
        });
        // AND health and the preflights name none
        assertThat(ApiOperation.all(root)).filteredOn(r -> r.isHealth() || r.isPreflight())
                .allSatisfy(r -> assertThat(r.node().has("x-required-permission")).as(r.label()).isFalse());
    }

    @Test
    void handler_shouldBeQueryHandlerForEveryGet_whenRouteIsServedByLambda() {
        // GIVEN every route WHEN its handler is read THEN it is one of the three and GETs are read-only
        assertThat(routes).allSatisfy(r -> {
            String handler = r.node().path("x-handler").asText();
            assertThat(ContractDocuments.HANDLERS).as(r.label()).contains(handler);
            if ("get".equals(r.method())) {
                assertThat(handler).as(r.label()).isEqualTo(ContractDocuments.QUERY_HANDLER);
            }
            r.node().path("x-direct-handlers").forEach(direct ->
                    assertThat(ContractDocuments.HANDLERS).as(r.label()).contains(direct.asText()));
        });
    }

    @Test
    void integration_shouldProxyToTheDeclaredHandler_whenRouteIsServedByLambda() {
        // GIVEN every route WHEN its API Gateway integration is read THEN it proxies to its own handler's ARN
        assertThat(routes).allSatisfy(r -> {
            JsonNode integration = r.node().path("x-amazon-apigateway-integration");
            assertThat(integration.path("type").asText()).as(r.label()).isEqualTo("aws_proxy");
            assertThat(integration.path("httpMethod").asText()).as(r.label()).isEqualTo("POST");
            String arnParameter = ARN_PARAMETER.get(r.node().path("x-handler").asText());
            assertThat(integration.path("uri").path("Fn::Sub").asText()).as(r.label())
                    .contains(":lambda:path/2015-03-31/functions/${" + arnParameter + "}/invocations");
        });
    }

    @Test
    void pathParameters_shouldBeDeclaredRequiredAndPatterned_whenPathHasTemplates() {
        // GIVEN every operation, preflights included (API Gateway needs the variables on each method)
        assertThat(ApiOperation.all(root)).allSatisfy(r -> {
            // WHEN its effective path parameters are collected
            Map<String, JsonNode> declared = r.effectiveParameters(root).entrySet().stream()
                    .filter(e -> e.getKey().startsWith("path:"))
                    .collect(Collectors.toMap(e -> e.getKey().substring(5), Map.Entry::getValue));
            // THEN they are exactly the template's variables, each required and constrained by a pattern
            assertThat(declared.keySet()).as(r.label()).containsExactlyInAnyOrderElementsOf(r.templateNames());
            declared.forEach((name, parameter) -> {
                assertThat(parameter.path("required").asBoolean()).as(r.label() + " {" + name + "}").isTrue();
                assertThat(parameter.path("schema").path("pattern").asText()).as(r.label() + " {" + name + "}")
                        .isNotBlank();
            });
        });
    }

    @Test
    void identifierParameters_shouldCarryTheContractPatterns_whenNamedAfterAccountsServersOrRegions() {
        // GIVEN every parameter of every route
        List<JsonNode> parameters = new ArrayList<>();
        routes.forEach(r -> parameters.addAll(r.effectiveParameters(root).values()));
        // WHEN account, server and region parameters are picked out THEN each carries the contract's rule
        Set<String> accountNames = Set.of("accountId", "sourceAccountId", "targetAccount", "stagingAccountId");
        assertThat(parameters).filteredOn(p -> accountNames.contains(p.path("name").asText()))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.path("schema").path("pattern").asText()).isEqualTo(ACCOUNT_ID));
        assertThat(routes).filteredOn(r -> r.path().startsWith("/accounts/targets/{id}"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.effectiveParameters(root).get("path:id").path("schema").path("pattern")
                        .asText()).as(r.label()).isEqualTo(ACCOUNT_ID));
        assertThat(parameters).filteredOn(p -> "serverId".equals(p.path("name").asText()))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.path("schema").path("pattern").asText()).isEqualTo("^s-[0-9a-f]{17}$"));
        assertThat(parameters).filteredOn(p -> "region".equals(p.path("name").asText()))
                .isNotEmpty()
                .allSatisfy(p -> assertThat(p.path("schema").path("$ref").asText())
                        .isEqualTo("#/components/schemas/AwsRegion"));
        assertThat(root.path("components").path("schemas").path("AwsRegion").path("enum").size()).isPositive();
    }

    @Test
    void references_shouldResolveWithinTheDocument_whenAnyRefIsUsed() {
        // GIVEN every $ref anywhere in the document
        List<String> refs = JsonReferences.collect(root);
        // WHEN each is resolved as a local JSON pointer THEN none dangles
        assertThat(refs).hasSizeGreaterThan(100);
        assertThat(refs).allSatisfy(ref -> assertThat(JsonReferences.resolve(root, ref)).as(ref).isPresent());
    }

    @Test
    void bodies_shouldBeNamedComponents_whenRequestsOrSuccessResponsesCarryJson() {
        // GIVEN every route WHEN its request body and success responses are read
        // THEN each JSON body is a $ref to a named schema, so handlers and clients share one name per shape
        assertThat(routes).allSatisfy(r -> {
            JsonNode request = r.node().path("requestBody").path("content").path("application/json").path("schema");
            if (!request.isMissingNode()) {
                assertThat(request.path("$ref").asText()).as(r.label()).startsWith("#/components/schemas/");
            }
            List<String> successCodes = new ArrayList<>();
            r.node().path("responses").fieldNames().forEachRemaining(code -> {
                if (code.startsWith("2")) {
                    successCodes.add(code);
                }
            });
            assertThat(successCodes).as(r.label()).hasSize(1);
            JsonNode schema = r.node().path("responses").path(successCodes.get(0)).path("content")
                    .path("application/json").path("schema");
            assertThat(schema.path("$ref").asText()).as(r.label()).startsWith("#/components/schemas/");
        });
        // AND the shapes the frontend reads by name exist
        assertThat(root.path("components").path("schemas").fieldNames()).toIterable().contains(
                "ProtectionGroup", "RecoveryPlan", "Wave", "Execution", "WaveExecution", "TargetAccount",
                "StagingAccount", "SourceServer", "ErrorResponse", "ExecutionPage", "AuditLogPage");
        assertThat(root.path("components").path("schemas").path("ExecutionPage").path("properties").has("nextToken"))
                .isTrue();
    }

    @Test
    void security_shouldRequireTheCognitoAuthorizer_whenRouteIsNotHealth() {
        // GIVEN the Cognito scheme
        JsonNode scheme = root.path("components").path("securitySchemes").path(COGNITO);
        assertThat(scheme.path("x-amazon-apigateway-authtype").asText()).isEqualTo("cognito_user_pools");
        assertThat(scheme.path("x-amazon-apigateway-authorizer").path("type").asText()).isEqualTo("cognito_user_pools");
        assertThat(scheme.path("x-amazon-apigateway-authorizer").path("providerARNs").size()).isPositive();
        // WHEN each route's effective security is read THEN every route but health requires it
        assertThat(routes).filteredOn(r -> !r.isHealth()).allSatisfy(r -> {
            List<String> schemes = new ArrayList<>();
            r.effectiveSecurity(root).forEach(requirement -> requirement.fieldNames().forEachRemaining(schemes::add));
            assertThat(schemes).as(r.label()).containsExactly(COGNITO);
        });
        // AND health is explicitly public
        assertThat(routes).filteredOn(ApiOperation::isHealth).singleElement()
                .satisfies(r -> assertThat(r.node().path("security").isEmpty()).isTrue());
    }

    @Test
    void preflight_shouldBeAnsweredByAMockOnEveryPath_whenBrowserSendsOptions() {
        // GIVEN every path of the document
        Map<String, ApiOperation> preflights = ApiOperation.all(root).stream().filter(ApiOperation::isPreflight)
                .collect(Collectors.toMap(ApiOperation::path, Function.identity()));
        Map<String, Set<String>> methodsByPath = new HashMap<>();
        routes.forEach(r -> methodsByPath.computeIfAbsent(r.path(), k -> new TreeSet<>()).add(r.method().toUpperCase()));
        // WHEN its OPTIONS method is read THEN it is a public mock that allows exactly the path's methods
        assertThat(preflights.keySet()).containsExactlyInAnyOrderElementsOf(methodsByPath.keySet());
        methodsByPath.forEach((path, methods) -> {
            JsonNode options = preflights.get(path).node();
            JsonNode integration = options.path("x-amazon-apigateway-integration");
            assertThat(options.path("security").isEmpty()).as(path).isTrue();
            assertThat(integration.path("type").asText()).as(path).isEqualTo("mock");
            String allowed = integration.path("responses").path("default").path("responseParameters")
                    .path("method.response.header.Access-Control-Allow-Methods").asText();
            Set<String> expected = new TreeSet<>(methods);
            expected.add("OPTIONS");
            assertThat(Set.of(allowed.replace("'", "").split(","))).as(path).isEqualTo(expected);
        });
        assertThat(root.path("x-amazon-apigateway-gateway-responses").has("DEFAULT_4XX")).isTrue();
        assertThat(root.path("x-amazon-apigateway-gateway-responses").has("DEFAULT_5XX")).isTrue();
    }

    @Test
    void errorResponse_shouldCarryErrorAndMessage_whenAnyHandlerFails() {
        // GIVEN the shared error body WHEN its required members are read THEN the frontend's message is there
        JsonNode error = root.path("components").path("schemas").path("ErrorResponse");
        List<String> required = new ArrayList<>();
        error.path("required").forEach(n -> required.add(n.asText()));
        assertThat(required).contains("error", "message");
        // AND every route documents 401, 403 and 500 with it (health: 500 only)
        assertThat(routes).filteredOn(r -> !r.isHealth()).allSatisfy(r ->
                assertThat(r.node().path("responses").has("401") && r.node().path("responses").has("403")
                        && r.node().path("responses").has("500")).as(r.label()).isTrue());
    }

    @Test
    void directOperations_shouldNameHandlerPermissionAndPayload_whenListed() {
        // GIVEN the direct-only operations
        JsonNode direct = root.path("x-direct-operations");
        // WHEN each entry is read THEN it names a handler, a permission (or system) and an object payload
        List<String> names = new ArrayList<>();
        direct.fieldNames().forEachRemaining(names::add);
        assertThat(names).contains("poll_wave_status", "update_wave_completion_status", "start_wave_recovery",
                "handle_sync_source_server_inventory", "handle_sync_staging_accounts", "sync_recovery_instances",
                "handle_drs_tag_sync");
        names.forEach(name -> {
            JsonNode entry = direct.get(name);
            assertThat(ContractDocuments.HANDLERS).as(name).contains(entry.path("handler").asText());
            String permission = entry.path("permission").asText();
            assertThat("system".equals(permission) || ContractDocuments.PERMISSIONS.contains(permission))
                    .as(name + " permission " + permission).isTrue();
            assertThat(entry.path("payload").path("type").asText()).as(name).isEqualTo("object");
        });
        // AND poll_wave_status, the state machine's read, stays on the read-only handler
        assertThat(direct.path("poll_wave_status").path("handler").asText()).isEqualTo(ContractDocuments.QUERY_HANDLER);
    }

    @Test
    void templatePlaceholders_shouldAllBeDeclared_whenFnSubIsUsed() {
        // GIVEN the template parameters the API stack must pass
        Set<String> declared = new TreeSet<>();
        root.path("x-drs-template-parameters").forEach(n -> declared.add(n.asText()));
        // WHEN every Fn::Sub string is scanned
        Set<String> used = new TreeSet<>();
        collectSubstitutions(root, used);
        // THEN each placeholder is a pseudo parameter or a declared one, and each declared one is used
        Set<String> custom = used.stream().filter(name -> !name.startsWith("AWS::"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(custom).isEqualTo(declared);
    }

    private static void collectSubstitutions(JsonNode node, Set<String> used) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if ("Fn::Sub".equals(field.getKey())) {
                    Matcher matcher = PLACEHOLDER.matcher(field.getValue().asText());
                    while (matcher.find()) {
                        used.add(matcher.group(1));
                    }
                } else {
                    collectSubstitutions(field.getValue(), used);
                }
            });
        } else if (node.isArray()) {
            node.forEach(element -> collectSubstitutions(element, used));
        }
    }
}
