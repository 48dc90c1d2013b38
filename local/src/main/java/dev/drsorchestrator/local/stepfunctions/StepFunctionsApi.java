package dev.drsorchestrator.local.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Step Functions API in the AWS JSON 1.0 protocol ({@code X-Amz-Target: AWSStepFunctions.<Action>}), as a plain
 * function from request to response, so any HTTP server can mount it and the AWS SDKs and CLI can drive the engine.
 * Errors come back as AWS does them: HTTP 400 with {@code __type} and {@code message}.
 */
public final class StepFunctionsApi {

    /** The content type of requests and responses. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    /** An HTTP answer: status and JSON body. */
    public record Response(int status, String json) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(StepFunctionsApi.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PREFIX = "AWSStepFunctions.";
    private static final int DEFAULT_PAGE = 100;

    private final StepFunctionsEngine engine;

    /** Serves the given engine. */
    public StepFunctionsApi(StepFunctionsEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    /**
     * Answers one request.
     *
     * @param target the {@code X-Amz-Target} header
     * @param body   the request body (JSON)
     */
    public Response handle(String target, byte[] body) {
        try {
            if (target == null || !target.startsWith(PREFIX)) {
                throw new StepFunctionsException("UnknownOperationException",
                        "X-Amz-Target must be AWSStepFunctions.<Action>, got '" + target + "'");
            }
            JsonNode request = parse(body);
            return new Response(200, dispatch(target.substring(PREFIX.length()), new Request(request)).toString());
        } catch (StepFunctionsException e) {
            return error(e.code(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Step Functions API failure for {}", target, e);
            ObjectNode body500 = JsonNodeFactory.instance.objectNode();
            body500.put("__type", "InternalFailure");
            body500.put("message", "internal error of the local Step Functions runner");
            return new Response(500, body500.toString());
        }
    }

    private JsonNode dispatch(String action, Request request) {
        switch (action) {
            case "CreateStateMachine":
                return createStateMachine(request);
            case "DescribeStateMachine":
                return describeStateMachine(request);
            case "ListStateMachines":
                return listStateMachines();
            case "StartExecution":
                return startExecution(request);
            case "DescribeExecution":
                return executionJson(engine.describeExecution(request.required("executionArn"))
                        .orElseThrow(() -> new StepFunctionsException("ExecutionDoesNotExist",
                                "execution does not exist: " + request.required("executionArn"))), true);
            case "StopExecution":
                ExecutionSnapshot stopped = engine.stopExecution(request.required("executionArn"),
                        request.optional("error"), request.optional("cause"));
                return object().set("stopDate", date(stopped.stopDate().orElse(Instant.now())));
            case "SendTaskSuccess":
                engine.sendTaskSuccess(request.required("taskToken"), request.required("output"));
                return object();
            case "SendTaskFailure":
                engine.sendTaskFailure(request.required("taskToken"), request.optional("error"),
                        request.optional("cause"));
                return object();
            case "SendTaskHeartbeat":
                engine.sendTaskHeartbeat(request.required("taskToken"));
                return object();
            case "ListExecutions":
                return listExecutions(request);
            case "GetExecutionHistory":
                return history(request);
            default:
                throw new StepFunctionsException("UnknownOperationException", "operation " + action
                        + " is not supported by the local Step Functions runner");
        }
    }

    private JsonNode createStateMachine(Request request) {
        String type = request.optional("type");
        if (type != null && !type.equals("STANDARD")) {
            throw new StepFunctionsException("ValidationException", "type must be STANDARD, got '" + type + "'");
        }
        StateMachineInfo info = engine.createStateMachine(request.required("name"), request.required("definition"),
                request.required("roleArn"));
        ObjectNode out = object();
        out.put("stateMachineArn", info.stateMachineArn());
        out.set("creationDate", date(info.creationDate()));
        return out;
    }

    /** All machines in one page: a local runner holds a handful, so no nextToken is ever returned. */
    private JsonNode listStateMachines() {
        ObjectNode out = object();
        var items = out.putArray("stateMachines");
        for (StateMachineInfo info : engine.listStateMachines()) {
            ObjectNode item = items.addObject();
            item.put("stateMachineArn", info.stateMachineArn());
            item.put("name", info.name());
            item.put("type", "STANDARD");
            item.set("creationDate", date(info.creationDate()));
        }
        return out;
    }

    private JsonNode describeStateMachine(Request request) {
        String arn = request.required("stateMachineArn");
        StateMachineInfo info = engine.describeStateMachine(arn).orElseThrow(() -> new StepFunctionsException(
                "StateMachineDoesNotExist", "state machine does not exist: " + arn));
        ObjectNode out = object();
        out.put("stateMachineArn", info.stateMachineArn());
        out.put("name", info.name());
        out.put("status", "ACTIVE");
        out.put("definition", info.definition());
        out.put("roleArn", info.roleArn());
        out.put("type", "STANDARD");
        out.set("creationDate", date(info.creationDate()));
        return out;
    }

    private JsonNode startExecution(Request request) {
        ExecutionSnapshot started = engine.startExecution(request.required("stateMachineArn"),
                request.optional("name"), request.optional("input"));
        ObjectNode out = object();
        out.put("executionArn", started.executionArn());
        out.set("startDate", date(started.startDate()));
        return out;
    }

    private JsonNode listExecutions(Request request) {
        String filter = request.optional("statusFilter");
        ExecutionStatus status = null;
        if (filter != null) {
            try {
                status = ExecutionStatus.valueOf(filter);
            } catch (IllegalArgumentException e) {
                throw new StepFunctionsException("ValidationException", "statusFilter must be one of RUNNING, "
                        + "SUCCEEDED, FAILED, TIMED_OUT, ABORTED, got '" + filter + "'");
            }
        }
        List<ExecutionSnapshot> all = engine.listExecutions(request.required("stateMachineArn"), status);
        Page page = page(request, all.size());
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        all.subList(page.from(), page.to()).forEach(snapshot -> items.add(executionJson(snapshot, false)));
        ObjectNode out = object();
        out.set("executions", items);
        page.nextToken(all.size()).ifPresent(token -> out.put("nextToken", token));
        return out;
    }

    private JsonNode history(Request request) {
        List<HistoryEvent> events = new ArrayList<>(engine.history(request.required("executionArn")));
        if (request.bool("reverseOrder", false)) {
            Collections.reverse(events);
        }
        boolean includeData = request.bool("includeExecutionData", true);
        Page page = page(request, events.size());
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (HistoryEvent event : events.subList(page.from(), page.to())) {
            ObjectNode item = object();
            item.set("timestamp", date(event.timestamp()));
            item.put("type", event.type());
            item.put("id", event.id());
            item.put("previousEventId", event.previousEventId());
            ObjectNode details = event.details().deepCopy();
            if (!includeData) {
                details.remove(List.of("input", "output", "parameters"));
            }
            item.set(event.detailsKey(), details);
            items.add(item);
        }
        ObjectNode out = object();
        out.set("events", items);
        page.nextToken(events.size()).ifPresent(token -> out.put("nextToken", token));
        return out;
    }

    private static ObjectNode executionJson(ExecutionSnapshot snapshot, boolean full) {
        ObjectNode out = object();
        out.put("executionArn", snapshot.executionArn());
        out.put("stateMachineArn", snapshot.stateMachineArn());
        out.put("name", snapshot.name());
        out.put("status", snapshot.status().name());
        out.set("startDate", date(snapshot.startDate()));
        snapshot.stopDate().ifPresent(stop -> out.set("stopDate", date(stop)));
        if (full) {
            out.put("input", snapshot.input());
            snapshot.output().ifPresent(output -> out.put("output", output));
            snapshot.error().ifPresent(error -> out.put("error", error));
            snapshot.cause().ifPresent(cause -> out.put("cause", cause));
        }
        return out;
    }

    private record Page(int from, int to) {
        Optional<String> nextToken(int total) {
            return to < total
                    ? Optional.of(Base64.getUrlEncoder().encodeToString(
                            ("offset:" + to).getBytes(StandardCharsets.UTF_8)))
                    : Optional.empty();
        }
    }

    private static Page page(Request request, int total) {
        int size = request.integer("maxResults", DEFAULT_PAGE);
        if (size < 0 || size > 1000) {
            throw new StepFunctionsException("ValidationException", "maxResults must be between 0 and 1000");
        }
        if (size == 0) {
            size = DEFAULT_PAGE;
        }
        int from = 0;
        String token = request.optional("nextToken");
        if (token != null) {
            try {
                String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
                from = Integer.parseInt(decoded.substring("offset:".length()));
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
                throw new StepFunctionsException("InvalidToken", "nextToken is not a token this API issued");
            }
            if (from < 0 || from > total) {
                throw new StepFunctionsException("InvalidToken", "nextToken is not a token this API issued");
            }
        }
        return new Page(from, Math.min(total, from + size));
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return object();
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw new StepFunctionsException("SerializationException", "the request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new StepFunctionsException("SerializationException", "the request body is not valid JSON");
        }
    }

    private static Response error(String code, String message) {
        ObjectNode out = object();
        out.put("__type", code);
        out.put("message", message);
        return new Response(400, out.toString());
    }

    private static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    private static JsonNode date(Instant instant) {
        return JsonNodeFactory.instance.numberNode(BigDecimal.valueOf(instant.toEpochMilli()).movePointLeft(3));
    }

    /** Typed access to the request fields, with ValidationException naming the field. */
    private record Request(JsonNode body) {
        String required(String field) {
            String value = optional(field);
            if (value == null) {
                throw new StepFunctionsException("ValidationException", field + " is required");
            }
            return value;
        }

        String optional(String field) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isTextual()) {
                throw new StepFunctionsException("ValidationException", field + " must be a string");
            }
            return value.asText();
        }

        int integer(String field, int fallback) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isInt()) {
                throw new StepFunctionsException("ValidationException", field + " must be an integer");
            }
            return value.intValue();
        }

        boolean bool(String field, boolean fallback) {
            JsonNode value = body.get(field);
            if (value == null || value.isNull()) {
                return fallback;
            }
            if (!value.isBoolean()) {
                throw new StepFunctionsException("ValidationException", field + " must be true or false");
            }
            return value.booleanValue();
        }
    }
}
