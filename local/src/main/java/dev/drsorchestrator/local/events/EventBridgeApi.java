package dev.drsorchestrator.local.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.sim.http.AwsException;
import dev.drsorchestrator.local.sim.http.AwsServiceHandler;
import dev.drsorchestrator.local.sim.http.SimRequest;
import dev.drsorchestrator.local.sim.http.SimResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The EventBridge actions the system uses (PutRule, EnableRule, DisableRule, DescribeRule, PutTargets, ListRules,
 * ListTargetsByRule) in the AWS JSON 1.1 protocol ({@code X-Amz-Target: AWSEvents.<Action>}, signing name
 * {@code events}), on the default bus of the calling account and region. Errors are HTTP 400 with {@code __type}.
 */
public final class EventBridgeApi implements AwsServiceHandler {
    private static final String PREFIX = "AWSEvents.";
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final Set<String> ACTIONS = Set.of("PutRule", "EnableRule", "DisableRule", "DescribeRule",
            "PutTargets", "ListRules", "ListTargetsByRule");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_LIMIT = 100;

    private final EventRules rules;

    /** Serves {@code rules}. */
    public EventBridgeApi(EventRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    @Override
    public String signingName() {
        return "events";
    }

    @Override
    public String operation(SimRequest request) {
        String target = request.header("x-amz-target");
        if (target != null && target.startsWith(PREFIX) && ACTIONS.contains(target.substring(PREFIX.length()))) {
            return target.substring(PREFIX.length());
        }
        return "Unknown";
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String action = operation(request);
        if ("Unknown".equals(action)) {
            throw new AwsException("UnknownOperationException", 400,
                    "X-Amz-Target must be AWSEvents.<Action> with one of " + ACTIONS);
        }
        JsonNode input = parse(request.body());
        ObjectNode out = MAPPER.createObjectNode();
        switch (action) {
            case "PutRule" -> putRule(request, input, out);
            case "EnableRule" -> setEnabled(request, input, true);
            case "DisableRule" -> setEnabled(request, input, false);
            case "DescribeRule" -> describe(rule(request, input, "Name"), out);
            case "PutTargets" -> putTargets(request, input, out);
            case "ListRules" -> listRules(request, input, out);
            default -> listTargets(rule(request, input, "Rule"), out);
        }
        return new SimResponse(200, CONTENT_TYPE, Map.of(), out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private void putRule(SimRequest request, JsonNode input, ObjectNode out) {
        requireDefaultBus(input);
        String state = text(input, "State");
        if (state != null && !state.equals("ENABLED") && !state.equals("DISABLED")) {
            throw validation("State must be ENABLED or DISABLED, got '" + state + "'");
        }
        try {
            EventRule rule = rules.put(request.region(), request.accountId(), text(input, "Name"),
                    text(input, "ScheduleExpression"), text(input, "EventPattern"), !"DISABLED".equals(state),
                    text(input, "Description"));
            out.put("RuleArn", rule.arn());
        } catch (IllegalArgumentException e) {
            throw validation(e.getMessage());
        }
    }

    private void setEnabled(SimRequest request, JsonNode input, boolean enabled) {
        rules.setEnabled(rule(request, input, "Name").arn(), enabled);
    }

    private void putTargets(SimRequest request, JsonNode input, ObjectNode out) {
        requireDefaultBus(input);
        EventRule rule = rule(request, input, "Rule");
        JsonNode targets = input.get("Targets");
        if (targets == null || !targets.isArray() || targets.isEmpty()) {
            throw validation("Targets must be a non-empty list");
        }
        List<RuleTarget> parsed = new ArrayList<>();
        for (JsonNode target : targets) {
            String id = text(target, "Id");
            String arn = text(target, "Arn");
            if (id == null || arn == null) {
                throw validation("Every target needs Id and Arn");
            }
            String targetInput = text(target, "Input");
            if (targetInput != null) {
                parse(targetInput.getBytes(java.nio.charset.StandardCharsets.UTF_8), "Target " + id + " Input");
            }
            parsed.add(new RuleTarget(id, arn, targetInput));
        }
        try {
            rules.putTargets(rule.arn(), parsed);
        } catch (IllegalArgumentException e) {
            throw new AwsException("LimitExceededException", 400, e.getMessage());
        }
        out.put("FailedEntryCount", 0);
        out.putArray("FailedEntries");
    }

    private void listRules(SimRequest request, JsonNode input, ObjectNode out) {
        String prefix = text(input, "NamePrefix");
        int limit = input.path("Limit").asInt(MAX_LIMIT);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw validation("Limit must be between 1 and " + MAX_LIMIT);
        }
        int start = 0;
        String token = text(input, "NextToken");
        if (token != null) {
            try {
                start = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw validation("NextToken is not valid");
            }
        }
        List<EventRule> matching = rules.all().stream()
                .filter(r -> r.accountId().equals(request.accountId()))
                .filter(r -> r.arn().startsWith("arn:aws:events:" + request.region() + ":"))
                .filter(r -> prefix == null || r.name().startsWith(prefix))
                .toList();
        ArrayNode list = out.putArray("Rules");
        for (int i = start; i < Math.min(matching.size(), start + limit); i++) {
            describe(matching.get(i), list.addObject());
        }
        if (start + limit < matching.size()) {
            out.put("NextToken", String.valueOf(start + limit));
        }
    }

    private static void listTargets(EventRule rule, ObjectNode out) {
        ArrayNode list = out.putArray("Targets");
        for (RuleTarget target : rule.targets()) {
            ObjectNode t = list.addObject().put("Id", target.id()).put("Arn", target.arn());
            if (target.input() != null) {
                t.put("Input", target.input());
            }
        }
    }

    private static void describe(EventRule rule, ObjectNode out) {
        out.put("Name", rule.name());
        out.put("Arn", rule.arn());
        if (rule.scheduleExpression() != null) {
            out.put("ScheduleExpression", rule.scheduleExpression());
        }
        if (rule.eventPattern() != null) {
            out.put("EventPattern", rule.eventPattern());
        }
        out.put("State", rule.state());
        if (rule.description() != null) {
            out.put("Description", rule.description());
        }
        out.put("EventBusName", "default");
        out.put("CreatedBy", rule.accountId());
    }

    private EventRule rule(SimRequest request, JsonNode input, String field) {
        requireDefaultBus(input);
        String name = text(input, field);
        if (name == null) {
            throw validation(field + " is required");
        }
        String arn = EventRules.arn(request.region(), request.accountId(), name);
        return rules.find(arn).orElseThrow(() -> new AwsException("ResourceNotFoundException", 400,
                "Rule " + name + " does not exist on EventBus default."));
    }

    private static void requireDefaultBus(JsonNode input) {
        String bus = text(input, "EventBusName");
        if (bus != null && !bus.equals("default") && !bus.endsWith(":event-bus/default")) {
            throw new AwsException("ResourceNotFoundException", 400, "Event bus " + bus + " does not exist.");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw validation(field + " must be a string");
        }
        return value.asText();
    }

    private static JsonNode parse(byte[] body) {
        JsonNode node = parse(body.length == 0 ? "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8) : body,
                "Request body");
        if (!node.isObject()) {
            throw new AwsException("SerializationException", 400, "Request body must be a JSON object");
        }
        return node;
    }

    private static JsonNode parse(byte[] json, String what) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new AwsException(what.startsWith("Request") ? "SerializationException" : "ValidationException", 400,
                    what + " is not valid JSON");
        }
    }

    private static AwsException validation(String message) {
        return new AwsException("ValidationException", 400, message);
    }

    @Override
    public SimResponse renderError(SimRequest request, AwsException error) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("__type", error.code());
        body.put("message", error.serverSide() ? "An internal error occurred" : error.getMessage());
        return new SimResponse(error.status(), CONTENT_TYPE, Map.of("x-amzn-ErrorType", error.code()),
                body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Override
    public AwsException missingAuthentication() {
        return new AwsException("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
    }

    @Override
    public AwsException unknownAccessKey(String accessKeyId) {
        return new AwsException("UnrecognizedClientException", 400,
                "The security token included in the request is invalid.");
    }

    @Override
    public AwsException faultError(String code, String message, Long retryAfterSeconds) {
        if ("ThrottlingException".equals(code)) {
            return new AwsException(code, 400, message == null ? "Rate exceeded" : message, Map.of(),
                    retryAfterSeconds);
        }
        return new AwsException(code == null ? "InternalException" : code, 500,
                message == null ? "An internal error occurred" : message, Map.of(), retryAfterSeconds);
    }
}
