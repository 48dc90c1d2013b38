package dev.drsorchestrator.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.dynamodb.CfnResource;
import dev.drsorchestrator.local.dynamodb.CfnTemplate;
import dev.drsorchestrator.local.dynamodb.CfnTemplateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the {@code AWS::Events::Rule} resources of the CloudFormation templates in {@code cfn/} and registers them as
 * local rules, so the schedules the stacks deploy run locally too. Intrinsics are resolved as far as a local run can:
 * {@code Ref} of a parameter takes its default, {@code Fn::Sub} substitutes parameters and pseudo parameters, and a
 * target {@code Arn} names a local function when it mentions one of the handlers. A rule that cannot be resolved is
 * skipped with a warning naming the file and resource.
 */
public final class CfnRuleLoader {
    /** The CloudFormation resource type read. */
    public static final String RULE_TYPE = "AWS::Events::Rule";

    private static final Logger LOG = LoggerFactory.getLogger(CfnRuleLoader.class);
    private static final Pattern SUB = Pattern.compile("\\$\\{([A-Za-z0-9_:.]+)}");
    private static final Map<String, String> FUNCTION_HINTS = Map.of(
            "query", "query-handler",
            "datamanagement", "data-management-handler",
            "execution", "execution-handler");

    private CfnRuleLoader() {
    }

    /** One rule as loaded: the file, the logical id, and the rule. */
    public record Loaded(String file, String logicalId, EventRule rule) {
    }

    /**
     * Registers every rule of every template under {@code cfnDir}.
     *
     * @param values parameter and pseudo-parameter values ({@code AWS::Region}, {@code Environment}, ...) that win
     *               over template defaults
     */
    public static List<Loaded> load(Path cfnDir, EventRules rules, String region, String accountId,
            Map<String, String> values) {
        List<Loaded> loaded = new ArrayList<>();
        if (cfnDir == null || !Files.isDirectory(cfnDir)) {
            return loaded;
        }
        try (Stream<Path> files = Files.walk(cfnDir, 3)) {
            for (Path file : files.filter(CfnRuleLoader::isTemplateFile).sorted().toList()) {
                loaded.addAll(loadFile(file, rules, region, accountId, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + cfnDir, e);
        }
        return loaded;
    }

    private static List<Loaded> loadFile(Path file, EventRules rules, String region, String accountId,
            Map<String, String> values) {
        CfnTemplate template;
        try {
            String text = Files.readString(file);
            if (!text.contains(RULE_TYPE)) {
                return List.of();
            }
            template = CfnTemplate.parse(text, file.toString());
        } catch (IOException | CfnTemplateException e) {
            LOG.warn("Skipping {}: {}", file, e.getMessage());
            return List.of();
        }
        Map<String, String> scope = new HashMap<>(defaults(template.root()));
        scope.put("AWS::Region", region);
        scope.put("AWS::AccountId", accountId);
        scope.put("AWS::Partition", "aws");
        scope.put("AWS::URLSuffix", "amazonaws.com");
        scope.putAll(values);
        List<Loaded> loaded = new ArrayList<>();
        for (CfnResource resource : template.resourcesOfType(RULE_TYPE)) {
            try {
                loaded.add(new Loaded(file.toString(), resource.logicalId(),
                        register(resource, rules, region, accountId, scope)));
            } catch (IllegalArgumentException e) {
                LOG.warn("Skipping rule {} of {}: {}", resource.logicalId(), file, e.getMessage());
            }
        }
        return loaded;
    }

    private static EventRule register(CfnResource resource, EventRules rules, String region, String accountId,
            Map<String, String> scope) {
        JsonNode p = resource.properties();
        String name = resolve(p.get("Name"), scope).orElse(resource.logicalId());
        String schedule = resolve(p.get("ScheduleExpression"), scope).orElse(null);
        String pattern = p.has("EventPattern") ? p.get("EventPattern").toString() : null;
        String state = resolve(p.get("State"), scope).orElse("ENABLED");
        String description = resolve(p.get("Description"), scope).orElse(null);
        List<RuleTarget> targets = new ArrayList<>();
        for (JsonNode target : p.path("Targets")) {
            String id = resolve(target.get("Id"), scope).orElse("target-" + targets.size());
            String arn = functionOf(target.get("Arn"))
                    .orElseThrow(() -> new IllegalArgumentException("target " + id + " invokes no local function"));
            JsonNode input = target.get("Input");
            String inputText = input == null ? null
                    : input.isObject() && input.has("Fn::ToJsonString") ? input.get("Fn::ToJsonString").toString()
                    : resolve(input, scope).orElse(null);
            targets.add(new RuleTarget(id, arn, inputText));
        }
        EventRule rule = rules.put(region, accountId, name, schedule, pattern, "ENABLED".equals(state), description);
        return targets.isEmpty() ? rule : rules.putTargets(rule.arn(), targets);
    }

    /** The local function a target ARN refers to, by the handler it mentions ({@code !GetAtt QueryHandler.Arn}). */
    static Optional<String> functionOf(JsonNode arn) {
        if (arn == null) {
            return Optional.empty();
        }
        String flat = arn.toString().toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
        return FUNCTION_HINTS.entrySet().stream()
                .filter(e -> flat.contains(e.getKey() + "handler") || flat.contains(e.getKey() + "function"))
                .map(Map.Entry::getValue)
                .findFirst();
    }

    private static Optional<String> resolve(JsonNode node, Map<String, String> scope) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isTextual()) {
            return Optional.of(node.asText());
        }
        if (node.isObject() && node.has("Ref")) {
            String ref = node.get("Ref").asText();
            if (!scope.containsKey(ref)) {
                throw new IllegalArgumentException("Ref " + ref + " has no local value");
            }
            return Optional.of(scope.get(ref));
        }
        if (node.isObject() && node.has("Fn::Sub")) {
            JsonNode sub = node.get("Fn::Sub");
            Map<String, String> local = new HashMap<>(scope);
            String text;
            if (sub.isArray() && sub.size() == 2) {
                text = sub.get(0).asText();
                sub.get(1).fields().forEachRemaining(e -> resolve(e.getValue(), scope)
                        .ifPresent(v -> local.put(e.getKey(), v)));
            } else {
                text = sub.asText();
            }
            Matcher m = SUB.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String value = local.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("${" + m.group(1) + "} has no local value");
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return Optional.of(out.toString());
        }
        throw new IllegalArgumentException("cannot resolve " + node + " locally");
    }

    private static Map<String, String> defaults(JsonNode root) {
        Map<String, String> out = new HashMap<>();
        root.path("Parameters").fields().forEachRemaining(e -> {
            JsonNode value = e.getValue().get("Default");
            if (value != null && value.isValueNode()) {
                out.put(e.getKey(), value.asText());
            }
        });
        return out;
    }

    private static boolean isTemplateFile(Path file) {
        String name = file.getFileName().toString();
        return Files.isRegularFile(file) && (name.endsWith(".yaml") || name.endsWith(".yml")
                || name.endsWith(".json") && !name.endsWith(".asl.json"));
    }
}
