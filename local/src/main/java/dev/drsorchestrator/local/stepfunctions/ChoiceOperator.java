package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** The comparison operators of Choice rules; the {@code ...Path} variants reuse these with a second path. */
enum ChoiceOperator {
    STRING_EQUALS("StringEquals", Type.STRING, Relation.EQ),
    STRING_LESS_THAN("StringLessThan", Type.STRING, Relation.LT),
    STRING_GREATER_THAN("StringGreaterThan", Type.STRING, Relation.GT),
    STRING_LESS_THAN_EQUALS("StringLessThanEquals", Type.STRING, Relation.LE),
    STRING_GREATER_THAN_EQUALS("StringGreaterThanEquals", Type.STRING, Relation.GE),
    STRING_MATCHES("StringMatches", Type.STRING, Relation.MATCHES),
    NUMERIC_EQUALS("NumericEquals", Type.NUMBER, Relation.EQ),
    NUMERIC_LESS_THAN("NumericLessThan", Type.NUMBER, Relation.LT),
    NUMERIC_GREATER_THAN("NumericGreaterThan", Type.NUMBER, Relation.GT),
    NUMERIC_LESS_THAN_EQUALS("NumericLessThanEquals", Type.NUMBER, Relation.LE),
    NUMERIC_GREATER_THAN_EQUALS("NumericGreaterThanEquals", Type.NUMBER, Relation.GE),
    BOOLEAN_EQUALS("BooleanEquals", Type.BOOLEAN, Relation.EQ),
    TIMESTAMP_EQUALS("TimestampEquals", Type.TIMESTAMP, Relation.EQ),
    TIMESTAMP_LESS_THAN("TimestampLessThan", Type.TIMESTAMP, Relation.LT),
    TIMESTAMP_GREATER_THAN("TimestampGreaterThan", Type.TIMESTAMP, Relation.GT),
    TIMESTAMP_LESS_THAN_EQUALS("TimestampLessThanEquals", Type.TIMESTAMP, Relation.LE),
    TIMESTAMP_GREATER_THAN_EQUALS("TimestampGreaterThanEquals", Type.TIMESTAMP, Relation.GE),
    IS_NULL("IsNull", Type.BOOLEAN, Relation.IS),
    IS_PRESENT("IsPresent", Type.BOOLEAN, Relation.IS),
    IS_NUMERIC("IsNumeric", Type.BOOLEAN, Relation.IS),
    IS_STRING("IsString", Type.BOOLEAN, Relation.IS),
    IS_BOOLEAN("IsBoolean", Type.BOOLEAN, Relation.IS),
    IS_TIMESTAMP("IsTimestamp", Type.BOOLEAN, Relation.IS);

    private enum Type { STRING, NUMBER, BOOLEAN, TIMESTAMP }

    private enum Relation { EQ, LT, GT, LE, GE, MATCHES, IS }

    private final String awsName;
    private final Type type;
    private final Relation relation;

    ChoiceOperator(String awsName, Type type, Relation relation) {
        this.awsName = awsName;
        this.type = type;
        this.relation = relation;
    }

    static Optional<ChoiceOperator> byName(String name) {
        return Arrays.stream(values()).filter(operator -> operator.awsName.equals(name)).findFirst();
    }

    String awsName() {
        return awsName;
    }

    /** Type tests and StringMatches have no {@code ...Path} form. */
    boolean allowsPath() {
        return relation != Relation.IS && relation != Relation.MATCHES;
    }

    void validateLiteral(JsonNode operand, String where) {
        boolean valid = switch (type) {
            case STRING -> operand.isTextual();
            case NUMBER -> operand.isNumber();
            case BOOLEAN -> operand.isBoolean();
            case TIMESTAMP -> ChoiceRule.timestamp(operand).isPresent();
        };
        if (!valid) {
            throw new InvalidDefinitionException(where + " must be a " + (type == Type.TIMESTAMP
                    ? "RFC 3339 timestamp string" : type.name().toLowerCase(Locale.ROOT)));
        }
    }

    /** Compares; a value of the wrong type makes the comparison false, as in AWS. */
    boolean test(JsonNode actual, JsonNode expected) {
        if (relation == Relation.IS) {
            return typeTest(actual) == expected.booleanValue();
        }
        if (relation == Relation.MATCHES) {
            return actual.isTextual() && matches(actual.asText(), expected.asText());
        }
        Integer comparison = compare(actual, expected);
        if (comparison == null) {
            return false;
        }
        return switch (relation) {
            case EQ -> comparison == 0;
            case LT -> comparison < 0;
            case GT -> comparison > 0;
            case LE -> comparison <= 0;
            case GE -> comparison >= 0;
            default -> throw new IllegalStateException(relation.name());
        };
    }

    private boolean typeTest(JsonNode actual) {
        return switch (this) {
            case IS_NULL -> actual.isNull();
            case IS_NUMERIC -> actual.isNumber();
            case IS_STRING -> actual.isTextual();
            case IS_BOOLEAN -> actual.isBoolean();
            case IS_TIMESTAMP -> ChoiceRule.timestamp(actual).isPresent();
            default -> throw new IllegalStateException(name());
        };
    }

    private Integer compare(JsonNode actual, JsonNode expected) {
        switch (type) {
            case STRING:
                return actual.isTextual() && expected.isTextual()
                        ? Integer.signum(actual.asText().compareTo(expected.asText())) : null;
            case NUMBER:
                return actual.isNumber() && expected.isNumber()
                        ? actual.decimalValue().compareTo(expected.decimalValue()) : null;
            case BOOLEAN:
                return actual.isBoolean() && expected.isBoolean()
                        ? Boolean.compare(actual.booleanValue(), expected.booleanValue()) : null;
            case TIMESTAMP:
                Optional<Instant> left = ChoiceRule.timestamp(actual);
                Optional<Instant> right = ChoiceRule.timestamp(expected);
                return left.isPresent() && right.isPresent() ? left.get().compareTo(right.get()) : null;
            default:
                return null;
        }
    }

    /** ASL StringMatches: {@code *} matches any run of characters; {@code \*} and {@code \\} are literals. */
    static boolean matches(String value, String pattern) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(value).matches();
    }
}
