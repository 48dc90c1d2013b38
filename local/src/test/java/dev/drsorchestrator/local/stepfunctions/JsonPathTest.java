package dev.drsorchestrator.local.stepfunctions;

import static dev.drsorchestrator.local.stepfunctions.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonPathTest {

    private static final JsonNode INPUT = json("{\"a\":{\"b\":[10,{\"c\":\"deep\"}]},\"x y\":1,\"n\":null}");
    private static final JsonNode CONTEXT = json("{\"Execution\":{\"Id\":\"arn:exec\"}}");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "$|{\"a\":{\"b\":[10,{\"c\":\"deep\"}]},\"x y\":1,\"n\":null}",
        "$.a.b[0]|10",
        "$.a.b[1].c|\"deep\"",
        "$['x y']|1",
        "$.a['b'][1]['c']|\"deep\"",
        "$.n|null",
        "$$.Execution.Id|\"arn:exec\"",
    })
    void find_shouldReturnTheValue_whenPathExists(String path, String expected) {
        assertThat(JsonPath.parse(path).find(INPUT, CONTEXT)).contains(json(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"$.missing", "$.a.b[5]", "$.a.b.c", "$.a[0]", "$$.State.Name"})
    void find_shouldBeEmpty_whenPathIsAbsent(String path) {
        assertThat(JsonPath.parse(path).find(INPUT, CONTEXT)).isEmpty();
    }

    @Test
    void read_shouldRaiseStatesRuntime_whenPathIsAbsent() {
        assertThatThrownBy(() -> JsonPath.parse("$.missing").read(INPUT, CONTEXT, "InputPath"))
                .isInstanceOfSatisfying(StatesException.class, e -> {
                    assertThat(e.error()).isEqualTo("States.Runtime");
                    assertThat(e.errorCause()).contains("'$.missing'").contains("InputPath");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "$.", "$..a", "$.a[*]", "$.a[?(@.x)]", "$.a[-1]", "$.a[0:2]", "$[", "$a", "$.*"})
    void parse_shouldReject_whenPathIsNotAReferencePath(String path) {
        assertThatThrownBy(() -> JsonPath.parse(path)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(path);
    }

    @Test
    void write_shouldPlaceValueCreatingObjects_whenPathIsNested() {
        // GIVEN an input and a nested result path
        JsonNode input = json("{\"keep\":1,\"r\":{\"old\":true}}");

        // WHEN a value is written
        JsonNode out = JsonPath.parse("$.r.new.value").write(input, json("[1,2]"));

        // THEN the value is in place, siblings kept, the input untouched
        assertThat(out).isEqualTo(json("{\"keep\":1,\"r\":{\"old\":true,\"new\":{\"value\":[1,2]}}}"));
        assertThat(input).isEqualTo(json("{\"keep\":1,\"r\":{\"old\":true}}"));
        assertThat(JsonPath.parse("$").write(input, json("7"))).isEqualTo(json("7"));
    }

    @Test
    void write_shouldRaiseStatesRuntime_whenAnIntermediateIsNotAnObject() {
        assertThatThrownBy(() -> JsonPath.parse("$.keep.x").write(json("{\"keep\":1}"), json("2")))
                .isInstanceOfSatisfying(StatesException.class, e -> assertThat(e.error()).isEqualTo("States.Runtime"));
        assertThatThrownBy(() -> JsonPath.parse("$.x").write(json("[1]"), json("2")))
                .isInstanceOf(StatesException.class);
    }

    @Test
    void isFieldsOnly_shouldBeFalse_forIndexesAndContextPaths() {
        assertThat(JsonPath.parse("$.a.b").isFieldsOnly()).isTrue();
        assertThat(JsonPath.parse("$.a[0]").isFieldsOnly()).isFalse();
        assertThat(JsonPath.parse("$$.Execution").isFieldsOnly()).isFalse();
    }
}
