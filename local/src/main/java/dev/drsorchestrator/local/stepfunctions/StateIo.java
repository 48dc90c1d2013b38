package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Optional;

/**
 * The input/output processing of one state, in ASL order: InputPath, Parameters, (the state's work), ResultSelector,
 * ResultPath, OutputPath. An empty path stands for an explicit JSON {@code null}: discard (InputPath/OutputPath give
 * {@code {}}, ResultPath keeps the input unchanged).
 */
record StateIo(
        Optional<JsonPath> inputPath,
        Optional<PayloadTemplate> parameters,
        Optional<PayloadTemplate> resultSelector,
        Optional<JsonPath> resultPath,
        Optional<JsonPath> outputPath) {

    static final JsonPath ROOT = JsonPath.parse("$");

    /** The identity: every path {@code $}, no templates. */
    static StateIo identity() {
        return new StateIo(Optional.of(ROOT), Optional.empty(), Optional.empty(), Optional.of(ROOT), Optional.of(ROOT));
    }

    /** InputPath then Parameters. */
    JsonNode effectiveInput(JsonNode rawInput, JsonNode context) {
        JsonNode input = inputPath.map(path -> path.read(rawInput, context, "InputPath"))
                .orElseGet(JsonNodeFactory.instance::objectNode);
        return parameters.map(template -> template.evaluate(input, context)).orElse(input);
    }

    /** ResultSelector, ResultPath into the raw input, then OutputPath. */
    JsonNode output(JsonNode rawInput, JsonNode result, JsonNode context) {
        JsonNode selected = resultSelector.map(template -> template.evaluate(result, context)).orElse(result);
        JsonNode merged = resultPath.map(path -> path.write(rawInput, selected)).orElse(rawInput);
        return outputPath.map(path -> path.read(merged, context, "OutputPath"))
                .orElseGet(JsonNodeFactory.instance::objectNode);
    }
}
