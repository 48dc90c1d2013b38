package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * A compiled Parameters or ResultSelector block: fields ending in {@code .$} take their value from a path
 * ({@code "id.$": "$.executionId"}, {@code "token.$": "$$.Task.Token"}) or an intrinsic function; all other values are
 * copied as they are. Paths and functions are parsed once, when the definition is created.
 */
final class PayloadTemplate {

    private final JsonNode template;
    private final Map<String, Object> expressions = new HashMap<>();

    private PayloadTemplate(JsonNode template) {
        this.template = template;
    }

    /** Compiles a template; {@code where} prefixes error messages, e.g. {@code State 'A': Parameters}. */
    static PayloadTemplate compile(JsonNode template, String where) {
        PayloadTemplate compiled = new PayloadTemplate(template.deepCopy());
        compiled.validate(compiled.template, where);
        return compiled;
    }

    private void validate(JsonNode node, String where) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String at = where + "." + field.getKey();
                if (field.getKey().endsWith(".$")) {
                    if (!field.getValue().isTextual()) {
                        throw new InvalidDefinitionException(at + ": a field ending in '.$' must hold a path or an "
                                + "intrinsic function as a string");
                    }
                    String text = field.getValue().asText();
                    expressions.put(text, compileExpression(text, at));
                } else {
                    validate(field.getValue(), at);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                validate(node.get(i), where + "[" + i + "]");
            }
        }
    }

    private static Object compileExpression(String text, String at) {
        try {
            if (IntrinsicFunction.looksLikeIntrinsic(text)) {
                return IntrinsicFunction.parse(text);
            }
            return JsonPath.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidDefinitionException(at + ": " + e.getMessage());
        }
    }

    /** Builds the payload from the effective input and the context object. */
    JsonNode evaluate(JsonNode input, JsonNode context) {
        return evaluate(template, input, context);
    }

    private JsonNode evaluate(JsonNode node, JsonNode input, JsonNode context) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String key = field.getKey();
                if (key.endsWith(".$")) {
                    Object expression = expressions.get(field.getValue().asText());
                    JsonNode value = expression instanceof IntrinsicFunction function
                            ? function.evaluate(input, context)
                            : ((JsonPath) expression).read(input, context, "field '" + key + "'");
                    out.set(key.substring(0, key.length() - 2), value);
                } else {
                    out.set(key, evaluate(field.getValue(), input, context));
                }
            }
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> out.add(evaluate(element, input, context)));
            return out;
        }
        return node;
    }
}
