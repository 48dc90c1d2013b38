package dev.drsorchestrator.local.sim.control;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.local.sim.FaultRule;
import dev.drsorchestrator.local.sim.Simulator;
import dev.drsorchestrator.local.sim.http.SimRequest;
import dev.drsorchestrator.local.sim.http.SimResponse;
import dev.drsorchestrator.local.sim.model.FleetException;
import dev.drsorchestrator.local.sim.model.ReplicationState;
import dev.drsorchestrator.local.sim.scenario.Scenario;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The HTTP twin of the simulator's Java API, for scripts and other processes: JSON in, JSON out, and a 4xx JSON
 * error naming the field for any bad input.
 */
public final class ControlHandler {
    private static final String PREFIX = "/_control";

    private final Simulator simulator;
    private final ObjectMapper mapper;

    public ControlHandler(Simulator simulator, ObjectMapper mapper) {
        this.simulator = simulator;
        this.mapper = mapper;
    }

    /** Answers one control request. */
    public SimResponse handle(SimRequest request) {
        String path = request.path().substring(PREFIX.length());
        String method = request.method();
        try {
            return route(method, path, request);
        } catch (ControlError e) {
            return error(e.status, e.getMessage());
        } catch (FleetException e) {
            return error(e.kind() == FleetException.Kind.NOT_FOUND ? 404 : 400, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(400, e.getMessage());
        }
    }

    private SimResponse route(String method, String path, SimRequest request) {
        switch (method + " " + path) {
            case "GET /health":
                return ok(Map.of("status", "ok", "scenario", simulator.scenarioSummary()));
            case "POST /scenario":
                return loadScenario(request);
            case "GET /clock":
                return ok(clock());
            case "POST /clock/advance":
                simulator.clock().advance(Duration.ofMillis(Math.round(number(body(request), "seconds") * 1000)));
                return ok(clock());
            case "POST /clock/factor":
                simulator.clock().setFactor(number(body(request), "factor"));
                return ok(clock());
            case "GET /faults":
                return ok(Map.of("rules", simulator.faults().rules(),
                        "assumeRoleFailures", simulator.faults().assumeRoleFailures()));
            case "POST /faults":
                return ok(Map.of("id", simulator.faults().inject(parse(request, FaultRule.class))));
            case "DELETE /faults":
                simulator.faults().clear();
                return ok(Map.of("cleared", true));
            case "POST /faults/assume-role":
                simulator.faults().failAssumeRole(text(body(request), "accountId"));
                return ok(Map.of("assumeRoleFailures", simulator.faults().assumeRoleFailures()));
            case "GET /counters":
                return ok(simulator.counters().snapshot());
            case "POST /counters/reset":
                simulator.counters().reset();
                return ok(Map.of("reset", true));
            case "GET /sns/messages":
                return ok(Map.of("messages", simulator.snsMessages()));
            default:
                return routeWithIds(method, path, request);
        }
    }

    private SimResponse routeWithIds(String method, String path, SimRequest request) {
        String[] parts = path.split("/");
        if ("DELETE".equals(method) && parts.length == 4 && "faults".equals(parts[1])
                && "assume-role".equals(parts[2])) {
            simulator.faults().clearAssumeRoleFailure(parts[3]);
            return ok(Map.of("assumeRoleFailures", simulator.faults().assumeRoleFailures()));
        }
        if ("DELETE".equals(method) && parts.length == 3 && "faults".equals(parts[1])) {
            if (!simulator.faults().clear(parts[2])) {
                throw new ControlError(404, "no fault with id " + parts[2]);
            }
            return ok(Map.of("cleared", parts[2]));
        }
        if ("POST".equals(method) && parts.length == 4 && "servers".equals(parts[1])) {
            String serverId = parts[2];
            if ("replication".equals(parts[3])) {
                String state = text(body(request), "state");
                ReplicationState replication;
                try {
                    replication = ReplicationState.valueOf(state);
                } catch (IllegalArgumentException e) {
                    throw new ControlError(400, "state must be one of "
                            + java.util.Arrays.toString(ReplicationState.values()) + ", got " + state);
                }
                simulator.fleet().setReplicationState(serverId, replication);
                return ok(Map.of("sourceServerID", serverId, "state", replication));
            }
            if ("fail-next-launch".equals(parts[3])) {
                simulator.fleet().failNextLaunch(serverId);
                return ok(Map.of("sourceServerID", serverId, "failNextLaunch", true));
            }
        }
        throw new ControlError(404, "no control route " + method + " " + PREFIX + path);
    }

    private SimResponse loadScenario(SimRequest request) {
        Scenario scenario;
        try {
            scenario = Scenarios.parseJson(request.body());
        } catch (IOException e) {
            throw new ControlError(400, "scenario is not valid: " + firstLine(e.getMessage()));
        }
        simulator.loadScenario(scenario);
        return ok(Map.of("loaded", simulator.scenarioSummary()));
    }

    private Map<String, Object> clock() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("now", simulator.clock().now().toString());
        out.put("factor", simulator.clock().factor());
        return out;
    }

    private JsonNode body(SimRequest request) {
        try {
            JsonNode node = mapper.readTree(request.body());
            if (node == null || !node.isObject()) {
                throw new ControlError(400, "body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new ControlError(400, "body is not valid JSON");
        }
    }

    private <T> T parse(SimRequest request, Class<T> type) {
        try {
            return mapper.readValue(request.body(), type);
        } catch (IOException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new ControlError(400, "body is not a valid " + type.getSimpleName() + ": "
                    + firstLine(cause.getMessage()));
        }
    }

    private static double number(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isNumber()) {
            throw new ControlError(400, field + " is required and must be a number");
        }
        return value.asDouble();
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new ControlError(400, field + " is required and must be a non-empty string");
        }
        return value.asText();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private SimResponse ok(Object body) {
        try {
            return SimResponse.json(200, mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize control response", e);
        }
    }

    private SimResponse error(int status, String message) {
        try {
            return SimResponse.json(status, mapper.writeValueAsString(Map.of("error", message)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize control error", e);
        }
    }

    private static final class ControlError extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        ControlError(int status, String message) {
            super(message);
            this.status = status;
        }
    }
}
