package dev.drsorchestrator.tests.cfn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.dynamodb.CfnResource;
import dev.drsorchestrator.local.dynamodb.CfnTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One Allow statement of an IAM role's inline policies, flattened so tests can reason about actions and resources.
 * Resources stay JSON: a literal string, or an intrinsic ({@code Ref}/{@code Fn::Sub}) whose text is compared.
 */
record PolicyStatement(String role, String policy, String sid, List<String> actions, List<JsonNode> resources,
                       boolean conditional) {

    /** Verbs whose actions read and change nothing. */
    private static final List<String> READ_VERBS = List.of("Describe", "Get", "List", "Query", "Scan", "BatchGet");

    /** KMS actions that use a key to read or write data elsewhere and change nothing about the key. */
    private static final Set<String> DATA_KEY_USE = Set.of("kms:Decrypt", "kms:GenerateDataKey");

    static List<PolicyStatement> of(CfnTemplate template) {
        List<PolicyStatement> statements = new ArrayList<>();
        for (CfnResource role : template.resourcesOfType("AWS::IAM::Role")) {
            for (JsonNode policy : role.properties().path("Policies")) {
                for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                    if (!"Allow".equals(statement.path("Effect").asText())) {
                        continue;
                    }
                    statements.add(new PolicyStatement(role.logicalId(), policy.path("PolicyName").asText(),
                            statement.path("Sid").asText(), strings(statement.path("Action")),
                            nodes(statement.path("Resource")), statement.has("Condition")));
                }
            }
        }
        return statements;
    }

    static boolean isReadOnly(String action) {
        String verb = action.substring(action.indexOf(':') + 1);
        return READ_VERBS.stream().anyMatch(verb::startsWith);
    }

    static boolean isDataKeyUse(String action) {
        return DATA_KEY_USE.contains(action);
    }

    static boolean isMutating(String action) {
        return !isReadOnly(action) && !isDataKeyUse(action)
                && !action.toLowerCase(Locale.ROOT).equals("sts:getcalleridentity");
    }

    boolean onEveryResource() {
        return resources.stream().anyMatch(node -> node.isTextual() && node.asText().equals("*"));
    }

    /** The resource texts: literal strings and the template text of {@code Fn::Sub} / the name of {@code Ref}. */
    List<String> resourceTexts() {
        return resources.stream().map(PolicyStatement::text).toList();
    }

    static String text(JsonNode node) {
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.has("Ref")) {
            return "Ref:" + node.get("Ref").asText();
        }
        if (node.has("Fn::Sub")) {
            JsonNode sub = node.get("Fn::Sub");
            return sub.isArray() ? sub.get(0).asText() : sub.asText();
        }
        return node.toString();
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }

    private static List<JsonNode> nodes(JsonNode node) {
        List<JsonNode> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(values::add);
        } else if (!node.isMissingNode()) {
            values.add(node);
        }
        return values;
    }
}
