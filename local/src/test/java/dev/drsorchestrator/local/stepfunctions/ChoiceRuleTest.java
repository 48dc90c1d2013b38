package dev.drsorchestrator.local.stepfunctions;

import static dev.drsorchestrator.local.stepfunctions.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChoiceRuleTest {

    private static final JsonNode INPUT = json("""
            {"s":"beta","n":5,"f":2.5,"b":true,"nil":null,"t":"2026-01-01T10:00:00Z","t2":"2026-01-01T12:00:00+02:00",
             "other":"beta","five":5.0,"flag":true,"later":"2026-01-02T00:00:00Z","file":"wave-1.log","star":"a*b"}
            """);
    private static final JsonNode CONTEXT = json("{\"Execution\":{\"Name\":\"beta\"}}");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'Variable':'$.s','StringEquals':'beta'}|true",
        "{'Variable':'$.s','StringEquals':'Beta'}|false",
        "{'Variable':'$.s','StringLessThan':'gamma'}|true",
        "{'Variable':'$.s','StringGreaterThan':'alpha'}|true",
        "{'Variable':'$.s','StringLessThanEquals':'beta'}|true",
        "{'Variable':'$.s','StringGreaterThanEquals':'bz'}|false",
        "{'Variable':'$.file','StringMatches':'wave-*.log'}|true",
        "{'Variable':'$.file','StringMatches':'wave-*.txt'}|false",
        "{'Variable':'$.star','StringMatches':'a\\\\*b'}|true",
        "{'Variable':'$.file','StringMatches':'wave\\\\*'}|false",
        "{'Variable':'$.n','NumericEquals':5}|true",
        "{'Variable':'$.n','NumericEquals':5.0}|true",
        "{'Variable':'$.f','NumericLessThan':3}|true",
        "{'Variable':'$.f','NumericGreaterThan':2.5}|false",
        "{'Variable':'$.f','NumericGreaterThanEquals':2.5}|true",
        "{'Variable':'$.n','NumericLessThanEquals':4}|false",
        "{'Variable':'$.b','BooleanEquals':true}|true",
        "{'Variable':'$.t','TimestampEquals':'2026-01-01T10:00:00Z'}|true",
        "{'Variable':'$.t2','TimestampEquals':'2026-01-01T10:00:00Z'}|true",
        "{'Variable':'$.t','TimestampLessThan':'2026-01-01T10:00:01Z'}|true",
        "{'Variable':'$.t','TimestampGreaterThan':'2026-01-01T10:00:00Z'}|false",
        "{'Variable':'$.t','TimestampLessThanEquals':'2026-01-01T10:00:00Z'}|true",
        "{'Variable':'$.t','TimestampGreaterThanEquals':'2026-01-01T09:00:00Z'}|true",
        "{'Variable':'$.s','StringEqualsPath':'$.other'}|true",
        "{'Variable':'$.s','StringEqualsPath':'$$.Execution.Name'}|true",
        "{'Variable':'$.s','StringLessThanPath':'$.other'}|false",
        "{'Variable':'$.s','StringGreaterThanPath':'$.file'}|false",
        "{'Variable':'$.s','StringLessThanEqualsPath':'$.other'}|true",
        "{'Variable':'$.s','StringGreaterThanEqualsPath':'$.other'}|true",
        "{'Variable':'$.n','NumericEqualsPath':'$.five'}|true",
        "{'Variable':'$.n','NumericLessThanPath':'$.five'}|false",
        "{'Variable':'$.n','NumericGreaterThanPath':'$.f'}|true",
        "{'Variable':'$.n','NumericLessThanEqualsPath':'$.five'}|true",
        "{'Variable':'$.n','NumericGreaterThanEqualsPath':'$.five'}|true",
        "{'Variable':'$.b','BooleanEqualsPath':'$.flag'}|true",
        "{'Variable':'$.t','TimestampEqualsPath':'$.t2'}|true",
        "{'Variable':'$.t','TimestampLessThanPath':'$.later'}|true",
        "{'Variable':'$.t','TimestampGreaterThanPath':'$.later'}|false",
        "{'Variable':'$.t','TimestampLessThanEqualsPath':'$.t2'}|true",
        "{'Variable':'$.later','TimestampGreaterThanEqualsPath':'$.t'}|true",
        "{'Variable':'$.nil','IsNull':true}|true",
        "{'Variable':'$.s','IsNull':true}|false",
        "{'Variable':'$.missing','IsPresent':false}|true",
        "{'Variable':'$.nil','IsPresent':true}|true",
        "{'Variable':'$.f','IsNumeric':true}|true",
        "{'Variable':'$.s','IsString':true}|true",
        "{'Variable':'$.n','IsString':false}|true",
        "{'Variable':'$.b','IsBoolean':true}|true",
        "{'Variable':'$.t','IsTimestamp':true}|true",
        "{'Variable':'$.s','IsTimestamp':true}|false",
        "{'Variable':'$.s','NumericEquals':5}|false",
        "{'Variable':'$.n','StringEquals':'5'}|false",
        "{'And':[{'Variable':'$.n','NumericGreaterThan':1},{'Variable':'$.b','BooleanEquals':true}]}|true",
        "{'And':[{'Variable':'$.n','NumericGreaterThan':1},{'Variable':'$.b','BooleanEquals':false}]}|false",
        "{'Or':[{'Variable':'$.n','NumericGreaterThan':10},{'Variable':'$.s','StringEquals':'beta'}]}|true",
        "{'Or':[{'Variable':'$.n','NumericGreaterThan':10},{'Variable':'$.s','StringEquals':'x'}]}|false",
        "{'Not':{'Variable':'$.s','StringEquals':'x'}}|true",
        "{'Not':{'And':[{'Variable':'$.missing','IsPresent':true},{'Variable':'$.missing','IsNull':true}]}}|true",
    })
    void test_shouldEvaluateTheOperator_whenRuleIsValid(String rule, boolean expected) {
        ChoiceRule parsed = ChoiceRule.parse(json(rule.replace('\'', '"')), "Choices[0]");
        assertThat(parsed.test(INPUT, CONTEXT)).isEqualTo(expected);
    }

    @Test
    void test_shouldRaiseStatesRuntime_whenVariableIsMissing() {
        ChoiceRule rule = ChoiceRule.parse(json("{\"Variable\":\"$.missing\",\"StringEquals\":\"x\"}"), "c");
        assertThatThrownBy(() -> rule.test(INPUT, CONTEXT))
                .isInstanceOfSatisfying(StatesException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.errorCause()).contains("$.missing");
                });
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{'Variable':'$.s','StringSortOf':'x'}|unknown comparison operator 'StringSortOf'",
        "{'Variable':'$.s'}|a comparison operator is required",
        "{'Variable':'$.s','StringEquals':'a','StringLessThan':'b'}|exactly one comparison operator",
        "{'Variable':'$.s','StringEquals':5}|StringEquals must be a string",
        "{'Variable':'$.n','NumericEquals':'5'}|NumericEquals must be a number",
        "{'Variable':'$.t','TimestampEquals':'yesterday'}|must be a RFC 3339 timestamp string",
        "{'Variable':'$.s','IsNullPath':'$.x'}|IsNullPath is not an operator",
        "{'Variable':'s','StringEquals':'x'}|must start with '$'",
        "{'And':[]}|And must be a non-empty array",
        "{'StringEquals':'x'}|a rule needs And, Or, Not or a Variable string",
    })
    void parse_shouldNameTheProblem_whenRuleIsInvalid(String rule, String message) {
        assertThatThrownBy(() -> ChoiceRule.parse(json(rule.replace('\'', '"')), "State 'C': Choices[0]"))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageStartingWith("State 'C': Choices[0]")
                .hasMessageContaining(message);
    }
}
