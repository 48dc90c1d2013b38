package dev.drsorchestrator.local.stepfunctions;

import static dev.drsorchestrator.local.stepfunctions.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntrinsicFunctionTest {

    private static final JsonNode INPUT = json(
            "{\"name\":\"wave\",\"n\":2,\"list\":[1,2,3],\"obj\":{\"k\":\"v\"},\"text\":\"{\\\"a\\\":[1]}\"}");
    private static final JsonNode CONTEXT = json("{\"Execution\":{\"Name\":\"run-1\"}}");

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "States.Format('{} {} of {}', $.name, $.n, $$.Execution.Name)|'wave 2 of run-1'",
        "States.Format('obj={}', $.obj)|'obj={''k'':''v''}'",
        "States.Format('literal \\{\\} and \\'q\\' {}', 1)|'literal {} and \\u0027q\\u0027 1'",
        "States.StringToJson($.text)|{'a':[1]}",
        "States.JsonToString($.obj)|'{''k'':''v''}'",
        "States.Array($.n, 'x', true, null, States.ArrayLength($.list))|[2,'x',true,null,3]",
        "States.MathAdd($.n, -5)|-3",
        "States.MathAdd(States.ArrayLength($.list), 1)|4",
        "States.ArrayLength($.list)|3",
        "States.Array()|[]",
    })
    void evaluate_shouldComputeTheFunction_whenArgumentsAreValid(String expression, String expected) {
        JsonNode result = IntrinsicFunction.parse(expression).evaluate(INPUT, CONTEXT);
        assertThat(result).isEqualTo(json(expected.replace("''", "\u0001").replace('\'', '"')
                .replace("\u0001", "\\\"")));
    }

    @Test
    void evaluate_shouldReturnAFreshUuid_whenCalledTwice() {
        IntrinsicFunction uuid = IntrinsicFunction.parse("States.UUID()");
        String first = uuid.evaluate(INPUT, CONTEXT).asText();
        String second = uuid.evaluate(INPUT, CONTEXT).asText();
        assertThat(first).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(second).isNotEqualTo(first);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "States.Nope(1)|unknown intrinsic function 'States.Nope'",
        "States.UUID(1)|States.UUID takes 0 argument(s), got 1",
        "States.MathAdd(1)|States.MathAdd takes 2 argument(s), got 1",
        "States.Format('a'|expected ')'",
        "States.Format('a) |unterminated string literal",
        "States.Array($.a[*])|only a quoted field name or a non-negative index",
        "States.Array(foo)|'foo' is not a string, number, boolean, null, path or function",
        "States.Array(1) x|unexpected text after the closing ')'",
    })
    void parse_shouldExplain_whenExpressionIsInvalid(String expression, String message) {
        assertThatThrownBy(() -> IntrinsicFunction.parse(expression))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "States.Format('{} {}', 1)|more {} placeholders than arguments",
        "States.Format('{}', 1, 2)|more arguments than {} placeholders",
        "States.StringToJson($.name)|not valid JSON",
        "States.StringToJson($.n)|must be a string",
        "States.MathAdd($.name, 1)|must be integers",
        "States.ArrayLength($.obj)|must be an array",
        "States.ArrayLength($.missing)|'$.missing'",
    })
    void evaluate_shouldRaiseStatesRuntime_whenArgumentsAreWrong(String expression, String message) {
        assertThatThrownBy(() -> IntrinsicFunction.parse(expression).evaluate(INPUT, CONTEXT))
                .isInstanceOfSatisfying(StatesException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.errorCause()).contains(message);
                });
    }
}
