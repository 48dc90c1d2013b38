package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** A Choice-state condition: a comparison of one variable, or And/Or/Not of nested conditions. */
sealed interface ChoiceRule {

    /** Whether the condition holds for the effective input. */
    boolean test(JsonNode input, JsonNode context);

    /** All nested conditions must hold. */
    record And(List<ChoiceRule> rules) implements ChoiceRule {
        public boolean test(JsonNode input, JsonNode context) {
            return rules.stream().allMatch(rule -> rule.test(input, context));
        }
    }

    /** At least one nested condition must hold. */
    record Or(List<ChoiceRule> rules) implements ChoiceRule {
        public boolean test(JsonNode input, JsonNode context) {
            return rules.stream().anyMatch(rule -> rule.test(input, context));
        }
    }

    /** The nested condition must not hold. */
    record Not(ChoiceRule rule) implements ChoiceRule {
        public boolean test(JsonNode input, JsonNode context) {
            return !rule.test(input, context);
        }
    }

    /** {@code Variable <operator> value}, the value either literal or read from {@code otherPath}. */
    record Comparison(JsonPath variable, ChoiceOperator operator, JsonNode literal, JsonPath otherPath)
            implements ChoiceRule {
        public boolean test(JsonNode input, JsonNode context) {
            Optional<JsonNode> value = variable.find(input, context);
            if (operator == ChoiceOperator.IS_PRESENT) {
                return value.isPresent() == literal.booleanValue();
            }
            JsonNode actual = value.orElseThrow(() -> StatesException.runtime("Invalid path '" + variable
                    + "': the choice state's condition path references an invalid value"));
            JsonNode expected = otherPath == null ? literal : otherPath.read(input, context, operator.awsName());
            return operator.test(actual, expected);
        }
    }

    /** Parses one rule; {@code where} names it in error messages ({@code State 'A': Choices[0]}). */
    static ChoiceRule parse(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new InvalidDefinitionException(where + " must be an object");
        }
        if (node.has("And") || node.has("Or")) {
            String key = node.has("And") ? "And" : "Or";
            JsonNode list = node.get(key);
            if (!list.isArray() || list.isEmpty()) {
                throw new InvalidDefinitionException(where + "." + key + " must be a non-empty array of rules");
            }
            List<ChoiceRule> rules = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                rules.add(parse(list.get(i), where + "." + key + "[" + i + "]"));
            }
            return key.equals("And") ? new And(rules) : new Or(rules);
        }
        if (node.has("Not")) {
            return new Not(parse(node.get("Not"), where + ".Not"));
        }
        JsonNode variable = node.get("Variable");
        if (variable == null || !variable.isTextual()) {
            throw new InvalidDefinitionException(where + ": a rule needs And, Or, Not or a Variable string");
        }
        JsonPath path = path(variable.asText(), where + ".Variable");
        String operatorName = null;
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!name.equals("Variable") && !name.equals("Next")) {
                if (operatorName != null) {
                    throw new InvalidDefinitionException(where + ": exactly one comparison operator is allowed, "
                            + "found " + operatorName + " and " + name);
                }
                operatorName = name;
            }
        }
        if (operatorName == null) {
            throw new InvalidDefinitionException(where + ": a comparison operator is required with Variable");
        }
        boolean isPath = operatorName.endsWith("Path");
        String base = isPath ? operatorName.substring(0, operatorName.length() - 4) : operatorName;
        String unknown = operatorName;
        ChoiceOperator operator = ChoiceOperator.byName(base)
                .orElseThrow(() -> new InvalidDefinitionException(where + ": unknown comparison operator '"
                        + unknown + "'"));
        if (isPath && !operator.allowsPath()) {
            throw new InvalidDefinitionException(where + ": " + operatorName + " is not an operator");
        }
        JsonNode operand = node.get(operatorName);
        if (isPath) {
            if (!operand.isTextual()) {
                throw new InvalidDefinitionException(where + "." + operatorName + " must be a path string");
            }
            return new Comparison(path, operator, null, path(operand.asText(), where + "." + operatorName));
        }
        operator.validateLiteral(operand, where + "." + operatorName);
        return new Comparison(path, operator, operand, null);
    }

    private static JsonPath path(String text, String where) {
        try {
            return JsonPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException(where + ": " + e.getMessage());
        }
    }

    /** RFC 3339 timestamp as ASL accepts it, or empty. */
    static Optional<Instant> timestamp(JsonNode node) {
        if (!node.isTextual()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(node.asText(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
