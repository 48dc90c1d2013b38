package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Parses and validates an ASL document. Everything that can be checked before running is checked here (unknown
 * fields, transitions, paths, intrinsic functions, Retry rules), so an execution fails only for reasons of its data.
 */
final class DefinitionParser {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> COMMON = Set.of("Type", "Comment");
    private static final Map<String, Set<String>> FIELDS = Map.of(
            "Pass", Set.of("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "Result"),
            "Task", Set.of("Next", "End", "InputPath", "OutputPath", "ResultPath", "Parameters", "ResultSelector",
                    "Resource", "Retry", "Catch", "TimeoutSeconds", "HeartbeatSeconds"),
            "Choice", Set.of("Choices", "Default", "InputPath", "OutputPath"),
            "Wait", Set.of("Next", "End", "InputPath", "OutputPath", "Seconds", "SecondsPath", "Timestamp",
                    "TimestampPath"),
            "Succeed", Set.of("InputPath", "OutputPath"),
            "Fail", Set.of("Error", "Cause", "ErrorPath", "CausePath"));
    private static final long DEFAULT_TASK_TIMEOUT = 99_999_999L;

    private final Set<String> stateNames;
    private String where;

    private DefinitionParser(Set<String> stateNames) {
        this.stateNames = stateNames;
    }

    /** Parses ASL JSON text. */
    static StateMachineDefinition parse(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidDefinitionException("the definition is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidDefinitionException("the definition must be a JSON object");
        }
        JsonNode language = root.get("QueryLanguage");
        if (language != null && !"JSONPath".equals(language.asText())) {
            throw new InvalidDefinitionException("QueryLanguage " + language + " is not supported; use JSONPath");
        }
        JsonNode states = root.get("States");
        if (states == null || !states.isObject() || states.isEmpty()) {
            throw new InvalidDefinitionException("States is required and must be a non-empty object");
        }
        JsonNode startAt = root.get("StartAt");
        if (startAt == null || !startAt.isTextual()) {
            throw new InvalidDefinitionException("StartAt is required and must be a string");
        }
        Set<String> names = new LinkedHashSet<>();
        states.fieldNames().forEachRemaining(names::add);
        if (!names.contains(startAt.asText())) {
            throw new InvalidDefinitionException("StartAt '" + startAt.asText() + "' does not name a state");
        }
        DefinitionParser parser = new DefinitionParser(names);
        Map<String, State> parsed = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = states.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            parsed.put(entry.getKey(), parser.state(entry.getKey(), entry.getValue()));
        }
        Optional<Long> timeout = root.has("TimeoutSeconds")
                ? Optional.of(positiveInteger(root.get("TimeoutSeconds"), "TimeoutSeconds"))
                : Optional.empty();
        return new StateMachineDefinition(startAt.asText(), parsed, timeout);
    }

    private State state(String name, JsonNode node) {
        where = "State '" + name + "'";
        if (!node.isObject()) {
            throw fail("must be an object");
        }
        String type = node.path("Type").asText("");
        Set<String> allowed = FIELDS.get(type);
        if (allowed == null) {
            throw fail("Type '" + type + "' is not supported (Pass, Task, Choice, Wait, Succeed, Fail)");
        }
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field) && !COMMON.contains(field)) {
                throw fail("field '" + field + "' is not allowed in a " + type + " state");
            }
        });
        StateIo io = io(node);
        switch (type) {
            case "Pass":
                return new State.Pass(name, io, Optional.ofNullable(node.get("Result")), transition(node));
            case "Task":
                return task(name, node, io);
            case "Choice":
                return choice(name, node, io);
            case "Wait":
                return new State.Wait(name, io, waitSpec(node), transition(node));
            case "Succeed":
                return new State.Succeed(name, io);
            default:
                return new State.Fail(name, optionalText(node, "Error"), optionalText(node, "Cause"),
                        optionalPath(node, "ErrorPath"), optionalPath(node, "CausePath"));
        }
    }

    private State.Task task(String name, JsonNode node, StateIo io) {
        JsonNode resourceNode = node.get("Resource");
        if (resourceNode == null || !resourceNode.isTextual()) {
            throw fail("Resource is required and must be a string");
        }
        TaskResource resource = TaskResource.parse(resourceNode.asText()).orElseThrow(() -> fail("Resource '"
                + resourceNode.asText() + "' is not supported: use arn:aws:states:::lambda:invoke[.waitForTaskToken]"
                + " or a Lambda function ARN"));
        if (resource.kind() != TaskResource.Kind.LAMBDA_FUNCTION) {
            JsonNode parameters = node.get("Parameters");
            if (parameters == null || !(parameters.has("FunctionName") || parameters.has("FunctionName.$"))) {
                throw fail("Parameters.FunctionName is required for " + resource.resource());
            }
        }
        if (resource.waitsForToken() && !node.path("Parameters").toString().contains("$$.Task.Token")) {
            throw fail("a .waitForTaskToken task must pass $$.Task.Token in its Parameters");
        }
        long timeout = node.has("TimeoutSeconds")
                ? positiveInteger(node.get("TimeoutSeconds"), where + ": TimeoutSeconds") : DEFAULT_TASK_TIMEOUT;
        Optional<Long> heartbeat = node.has("HeartbeatSeconds")
                ? Optional.of(positiveInteger(node.get("HeartbeatSeconds"), where + ": HeartbeatSeconds"))
                : Optional.empty();
        if (heartbeat.isPresent() && heartbeat.get() >= timeout) {
            throw fail("HeartbeatSeconds must be smaller than TimeoutSeconds");
        }
        return new State.Task(name, io, resource, timeout, heartbeat, retriers(node.get("Retry")),
                catchers(node.get("Catch")), transition(node));
    }

    private State.Choice choice(String name, JsonNode node, StateIo io) {
        JsonNode choices = node.get("Choices");
        if (choices == null || !choices.isArray() || choices.isEmpty()) {
            throw fail("Choices is required and must be a non-empty array");
        }
        List<State.Branch> branches = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            String at = where + ": Choices[" + i + "]";
            JsonNode next = choices.get(i).get("Next");
            if (next == null || !next.isTextual()) {
                throw new InvalidDefinitionException(at + ": Next is required");
            }
            branches.add(new State.Branch(ChoiceRule.parse(choices.get(i), at), target(next.asText(), "Choices[" + i
                    + "].Next")));
        }
        Optional<String> defaultNext = optionalText(node, "Default").map(target -> target(target, "Default"));
        return new State.Choice(name, io, branches, defaultNext);
    }

    private State.WaitSpec waitSpec(JsonNode node) {
        long count = List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath").stream().filter(node::has).count();
        if (count != 1) {
            throw fail("exactly one of Seconds, SecondsPath, Timestamp, TimestampPath is required");
        }
        Optional<String> timestamp = optionalText(node, "Timestamp");
        if (timestamp.isPresent() && ChoiceRule.timestamp(node.get("Timestamp")).isEmpty()) {
            throw fail("Timestamp must be an RFC 3339 timestamp, got '" + timestamp.get() + "'");
        }
        Optional<Long> seconds = node.has("Seconds")
                ? Optional.of(nonNegativeInteger(node.get("Seconds"), where + ": Seconds")) : Optional.empty();
        return new State.WaitSpec(seconds, optionalPath(node, "SecondsPath"), timestamp,
                optionalPath(node, "TimestampPath"));
    }

    private List<State.Retrier> retriers(JsonNode node) {
        List<State.Retrier> retriers = new ArrayList<>();
        if (node == null) {
            return retriers;
        }
        if (!node.isArray()) {
            throw fail("Retry must be an array");
        }
        for (int i = 0; i < node.size(); i++) {
            String at = where + ": Retry[" + i + "]";
            JsonNode retry = node.get(i);
            List<String> errors = errorEquals(retry, at, i == node.size() - 1);
            double interval = retry.has("IntervalSeconds")
                    ? positiveInteger(retry.get("IntervalSeconds"), at + ".IntervalSeconds") : 1;
            int attempts = retry.has("MaxAttempts")
                    ? (int) nonNegativeInteger(retry.get("MaxAttempts"), at + ".MaxAttempts") : 3;
            double backoff = retry.has("BackoffRate") ? retry.get("BackoffRate").asDouble(0) : 2.0;
            if (backoff < 1.0 || retry.has("BackoffRate") && !retry.get("BackoffRate").isNumber()) {
                throw new InvalidDefinitionException(at + ".BackoffRate must be a number >= 1.0");
            }
            Optional<Double> maxDelay = retry.has("MaxDelaySeconds")
                    ? Optional.of((double) positiveInteger(retry.get("MaxDelaySeconds"), at + ".MaxDelaySeconds"))
                    : Optional.empty();
            retry.fieldNames().forEachRemaining(field -> {
                if (!Set.of("ErrorEquals", "IntervalSeconds", "MaxAttempts", "BackoffRate", "MaxDelaySeconds",
                        "Comment").contains(field)) {
                    throw new InvalidDefinitionException(at + ": field '" + field + "' is not supported");
                }
            });
            retriers.add(new State.Retrier(errors, interval, attempts, backoff, maxDelay));
        }
        return retriers;
    }

    private List<State.Catcher> catchers(JsonNode node) {
        List<State.Catcher> catchers = new ArrayList<>();
        if (node == null) {
            return catchers;
        }
        if (!node.isArray()) {
            throw fail("Catch must be an array");
        }
        for (int i = 0; i < node.size(); i++) {
            String at = where + ": Catch[" + i + "]";
            JsonNode entry = node.get(i);
            List<String> errors = errorEquals(entry, at, i == node.size() - 1);
            JsonNode next = entry.get("Next");
            if (next == null || !next.isTextual()) {
                throw new InvalidDefinitionException(at + ": Next is required");
            }
            Optional<JsonPath> resultPath = entry.has("ResultPath")
                    ? resultPath(entry.get("ResultPath"), at + ".ResultPath") : Optional.of(StateIo.ROOT);
            catchers.add(new State.Catcher(errors, resultPath, target(next.asText(), "Catch[" + i + "].Next")));
        }
        return catchers;
    }

    private static List<String> errorEquals(JsonNode node, String at, boolean last) {
        JsonNode list = node.get("ErrorEquals");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new InvalidDefinitionException(at + ": ErrorEquals is required and must be a non-empty array");
        }
        List<String> errors = new ArrayList<>();
        for (JsonNode error : list) {
            if (!error.isTextual() || error.asText().isEmpty()) {
                throw new InvalidDefinitionException(at + ": ErrorEquals entries must be non-empty strings");
            }
            errors.add(error.asText());
        }
        if (errors.contains(ErrorMatcher.ALL) && (errors.size() > 1 || !last)) {
            throw new InvalidDefinitionException(at + ": States.ALL must appear alone and in the last entry");
        }
        return errors;
    }

    private StateIo io(JsonNode node) {
        return new StateIo(
                pathOrNull(node, "InputPath"),
                template(node, "Parameters"),
                template(node, "ResultSelector"),
                node.has("ResultPath") ? resultPath(node.get("ResultPath"), where + ": ResultPath")
                        : Optional.of(StateIo.ROOT),
                pathOrNull(node, "OutputPath"));
    }

    private Optional<PayloadTemplate> template(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isObject() && !value.isArray()) {
            throw fail(field + " must be an object");
        }
        return Optional.of(PayloadTemplate.compile(value, where + ": " + field));
    }

    private Optional<JsonPath> pathOrNull(JsonNode node, String field) {
        if (!node.has(field)) {
            return Optional.of(StateIo.ROOT);
        }
        return node.get(field).isNull() ? Optional.empty() : Optional.of(path(node.get(field), field));
    }

    private Optional<JsonPath> optionalPath(JsonNode node, String field) {
        return node.has(field) ? Optional.of(path(node.get(field), field)) : Optional.empty();
    }

    private Optional<JsonPath> resultPath(JsonNode value, String at) {
        if (value.isNull()) {
            return Optional.empty();
        }
        JsonPath path = path(value, at);
        if (!path.isFieldsOnly()) {
            throw new InvalidDefinitionException(at + ": '" + path + "' must be a path of field names under $");
        }
        return Optional.of(path);
    }

    private JsonPath path(JsonNode value, String field) {
        if (!value.isTextual()) {
            throw fail(field + " must be a path string");
        }
        try {
            return JsonPath.parse(value.asText());
        } catch (IllegalArgumentException e) {
            throw fail(field + ": " + e.getMessage());
        }
    }

    private Optional<String> transition(JsonNode node) {
        boolean end = node.path("End").asBoolean(false);
        JsonNode next = node.get("Next");
        if (end == (next != null)) {
            throw fail("exactly one of Next and \"End\": true is required");
        }
        if (next == null) {
            return Optional.empty();
        }
        if (!next.isTextual()) {
            throw fail("Next must be a string");
        }
        return Optional.of(target(next.asText(), "Next"));
    }

    private String target(String name, String field) {
        if (!stateNames.contains(name)) {
            throw fail(field + " '" + name + "' does not name a state");
        }
        return name;
    }

    private Optional<String> optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw fail(field + " must be a string");
        }
        return Optional.of(value.asText());
    }

    private static long positiveInteger(JsonNode value, String at) {
        long number = nonNegativeInteger(value, at);
        if (number < 1) {
            throw new InvalidDefinitionException(at + " must be a positive integer");
        }
        return number;
    }

    private static long nonNegativeInteger(JsonNode value, String at) {
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            throw new InvalidDefinitionException(at + " must be a non-negative integer, got " + value);
        }
        return value.asLong();
    }

    private InvalidDefinitionException fail(String message) {
        return new InvalidDefinitionException(where + ": " + message);
    }
}
