package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A parsed intrinsic-function expression such as {@code States.Format('wave {}', $.index)}. Parsing happens when the
 * definition is created, so a misspelt function or a wrong argument count is an invalid definition, not a runtime
 * surprise.
 */
final class IntrinsicFunction {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Map<String, int[]> ARITY = Map.of(
            "States.Format", new int[] {1, Integer.MAX_VALUE},
            "States.StringToJson", new int[] {1, 1},
            "States.JsonToString", new int[] {1, 1},
            "States.Array", new int[] {0, Integer.MAX_VALUE},
            "States.MathAdd", new int[] {2, 2},
            "States.ArrayLength", new int[] {1, 1},
            "States.UUID", new int[] {0, 0});

    private sealed interface Expr permits Literal, PathArg, Call {
        JsonNode eval(JsonNode input, JsonNode context);
    }

    /** A literal; {@code raw} keeps a string literal's escapes so States.Format tells \\{ from a placeholder. */
    private record Literal(JsonNode value, String raw) implements Expr {
        Literal(JsonNode value) {
            this(value, null);
        }

        public JsonNode eval(JsonNode input, JsonNode context) {
            return value;
        }
    }

    private record PathArg(JsonPath path) implements Expr {
        public JsonNode eval(JsonNode input, JsonNode context) {
            return path.read(input, context, "intrinsic function argument");
        }
    }

    private record Call(String name, List<Expr> args) implements Expr {
        public JsonNode eval(JsonNode input, JsonNode context) {
            List<JsonNode> values = new ArrayList<>();
            for (Expr arg : args) {
                values.add(arg.eval(input, context));
            }
            if (name.equals("States.Format") && args.get(0) instanceof Literal literal && literal.raw() != null) {
                values.set(0, NODES.textNode(literal.raw()));
            }
            return apply(name, values);
        }
    }

    private final String text;
    private final Expr expr;

    private IntrinsicFunction(String text, Expr expr) {
        this.text = text;
        this.expr = expr;
    }

    static boolean looksLikeIntrinsic(String text) {
        return text.startsWith("States.");
    }

    /** Parses an expression; the exception message says what is wrong and where. */
    static IntrinsicFunction parse(String text) {
        Parser parser = new Parser(text);
        Expr expr = parser.call();
        parser.skipSpaces();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the closing ')'");
        }
        return new IntrinsicFunction(text, expr);
    }

    JsonNode evaluate(JsonNode input, JsonNode context) {
        return expr.eval(input, context);
    }

    @Override
    public String toString() {
        return text;
    }

    private static JsonNode apply(String name, List<JsonNode> args) {
        switch (name) {
            case "States.Format":
                return NODES.textNode(format(args));
            case "States.StringToJson":
                try {
                    return MAPPER.readTree(requireString(name, args.get(0)));
                } catch (JsonProcessingException e) {
                    throw StatesException.runtime("States.StringToJson: the argument is not valid JSON");
                }
            case "States.JsonToString":
                return NODES.textNode(args.get(0).toString());
            case "States.Array":
                ArrayNode array = NODES.arrayNode();
                args.forEach(array::add);
                return array;
            case "States.MathAdd":
                long sum = Math.addExact(integer(name, args.get(0)), integer(name, args.get(1)));
                return sum == (int) sum ? NODES.numberNode((int) sum) : NODES.numberNode(sum);
            case "States.ArrayLength":
                if (!args.get(0).isArray()) {
                    throw StatesException.runtime("States.ArrayLength: the argument must be an array");
                }
                return NODES.numberNode(args.get(0).size());
            case "States.UUID":
                return NODES.textNode(UUID.randomUUID().toString());
            default:
                throw new IllegalStateException("unknown intrinsic " + name);
        }
    }

    private static String unescape(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                c = raw.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String format(List<JsonNode> args) {
        String template = requireString("States.Format", args.get(0));
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw StatesException.runtime("States.Format: more {} placeholders than arguments");
                }
                JsonNode value = args.get(next++);
                out.append(value.isTextual() ? value.asText() : value.toString());
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw StatesException.runtime("States.Format: more arguments than {} placeholders");
        }
        return out.toString();
    }

    private static String requireString(String name, JsonNode value) {
        if (!value.isTextual()) {
            throw StatesException.runtime(name + ": the argument must be a string, got " + value.getNodeType());
        }
        return value.asText();
    }

    private static long integer(String name, JsonNode value) {
        if (!value.isIntegralNumber() && !(value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0)) {
            throw StatesException.runtime(name + ": the arguments must be integers, got " + value);
        }
        return value.longValue();
    }

    private static final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        Expr call() {
            skipSpaces();
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '.')) {
                pos++;
            }
            String name = text.substring(start, pos);
            int[] arity = ARITY.get(name);
            if (arity == null) {
                throw error("unknown intrinsic function '" + name + "'");
            }
            expect('(');
            List<Expr> args = new ArrayList<>();
            skipSpaces();
            if (peek() != ')') {
                do {
                    args.add(argument());
                    skipSpaces();
                } while (consume(','));
            }
            expect(')');
            if (args.size() < arity[0] || args.size() > arity[1]) {
                throw error(name + " takes " + (arity[0] == arity[1] ? arity[0] : "at least " + arity[0])
                        + " argument(s), got " + args.size());
            }
            return new Call(name, args);
        }

        private Expr argument() {
            skipSpaces();
            char c = peek();
            if (c == '\'') {
                String raw = stringLiteral();
                return new Literal(NODES.textNode(unescape(raw)), raw);
            }
            if (c == '$') {
                String token = token();
                try {
                    return new PathArg(JsonPath.parse(token));
                } catch (IllegalArgumentException e) {
                    throw error(e.getMessage());
                }
            }
            if (text.startsWith("States.", pos)) {
                return call();
            }
            String token = token();
            switch (token) {
                case "true":
                    return new Literal(NODES.booleanNode(true));
                case "false":
                    return new Literal(NODES.booleanNode(false));
                case "null":
                    return new Literal(NODES.nullNode());
                default:
                    try {
                        return new Literal(NODES.numberNode(new BigDecimal(token)));
                    } catch (NumberFormatException e) {
                        throw error("'" + token + "' is not a string, number, boolean, null, path or function");
                    }
            }
        }

        /** The characters between the quotes, escapes kept; only an escaped quote does not end the literal. */
        private String stringLiteral() {
            expect('\'');
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != '\'') {
                pos += text.charAt(pos) == '\\' ? 2 : 1;
            }
            if (pos >= text.length()) {
                throw error("unterminated string literal");
            }
            String raw = text.substring(start, pos);
            pos++;
            return raw;
        }

        private String token() {
            int start = pos;
            while (pos < text.length() && text.charAt(pos) != ',' && text.charAt(pos) != ')'
                    && !Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("an argument is missing");
            }
            return text.substring(start, pos);
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private boolean consume(char c) {
            if (peek() == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            skipSpaces();
            if (!consume(c)) {
                throw error("expected '" + c + "'");
            }
        }

        IllegalArgumentException error(String message) {
            return new IllegalArgumentException("intrinsic '" + text + "': " + message + " at position " + pos);
        }
    }
}
