package dev.drsorchestrator.local.sim.drs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drsorchestrator.local.sim.http.AwsException;
import dev.drsorchestrator.local.sim.http.AwsServiceHandler;
import dev.drsorchestrator.local.sim.http.SimRequest;
import dev.drsorchestrator.local.sim.http.SimResponse;
import dev.drsorchestrator.local.sim.model.Account;
import dev.drsorchestrator.local.sim.model.Fleet;
import dev.drsorchestrator.local.sim.model.FleetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Simulated DRS on the rest-json protocol: routes {@code POST /<Operation>} and {@code /tags/{arn}} to
 * {@link DrsOperations}, and renders errors as DRS does (status, {@code x-amzn-ErrorType}, JSON body).
 */
public final class DrsHandler implements AwsServiceHandler {
    private static final Set<String> POST_OPERATIONS = Set.of("DescribeSourceServers", "DescribeJobs",
            "DescribeJobLogItems", "StartRecovery", "TerminateRecoveryInstances", "DescribeRecoveryInstances",
            "GetLaunchConfiguration", "UpdateLaunchConfiguration", "ListExtensibleSourceServers",
            "CreateExtendedSourceServer");
    private static final String TAGS_PREFIX = "/tags/";

    private final ObjectMapper mapper;
    private final Fleet fleet;
    private final DrsOperations operations;

    public DrsHandler(Fleet fleet, ObjectMapper mapper) {
        this.fleet = fleet;
        this.mapper = mapper;
        this.operations = new DrsOperations(fleet);
    }

    @Override
    public String signingName() {
        return "drs";
    }

    @Override
    public String operation(SimRequest request) {
        String path = request.path();
        if (path.startsWith(TAGS_PREFIX)) {
            return switch (request.method()) {
                case "POST" -> "TagResource";
                case "DELETE" -> "UntagResource";
                case "GET" -> "ListTagsForResource";
                default -> "Unknown";
            };
        }
        String name = path.startsWith("/") ? path.substring(1) : path;
        if ("ListStagingAccounts".equals(name) && "GET".equals(request.method())) {
            return name;
        }
        return POST_OPERATIONS.contains(name) && "POST".equals(request.method()) ? name : "Unknown";
    }

    @Override
    public SimResponse handle(SimRequest request) {
        String operation = operation(request);
        if ("Unknown".equals(operation)) {
            throw new AwsException("UnknownOperationException", 404,
                    "No operation " + request.method() + " " + request.path() + " in Elastic Disaster Recovery");
        }
        Optional<Account> account = fleet.account(request.accountId());
        if (account.isEmpty() || !account.get().drsRegions().contains(request.region())) {
            throw DrsErrors.of("UninitializedAccountException", "Account " + request.accountId()
                    + " is not initialized for Elastic Disaster Recovery in " + request.region(), null);
        }
        JsonNode body = parse(request);
        try {
            DrsCall call = new DrsCall(request.accountId(), request.region(), new DrsInput(body), request);
            return json(operations.statusOf(operation), operations.invoke(operation, call));
        } catch (FleetException e) {
            throw DrsErrors.fromFleet(e);
        }
    }

    private JsonNode parse(SimRequest request) {
        if (request.body().length == 0) {
            return mapper.createObjectNode();
        }
        try {
            JsonNode node = mapper.readTree(request.body());
            if (node == null || !node.isObject()) {
                throw new AwsException("SerializationException", 400, "Request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new AwsException("SerializationException", 400, "Request body is not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
        } catch (java.io.IOException e) {
            throw new AwsException("SerializationException", 400, "Request body could not be read");
        }
    }

    private SimResponse json(int status, Object body) {
        try {
            return new SimResponse(status, "application/json", Map.of(),
                    body == null ? new byte[0] : mapper.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize DRS response", e);
        }
    }

    @Override
    public SimResponse renderError(SimRequest request, AwsException error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", error.serverSide() && !"InternalServerException".equals(error.code())
                ? "An internal error occurred" : error.getMessage());
        body.putAll(error.fields());
        if (error.retryAfterSeconds() != null) {
            body.put("retryAfterSeconds", "ThrottlingException".equals(error.code())
                    ? String.valueOf(error.retryAfterSeconds()) : error.retryAfterSeconds());
        }
        SimResponse response = json(error.status(), body).withHeader("x-amzn-ErrorType", error.code())
                .withHeader("x-amzn-RequestId", request.requestId());
        if (error.retryAfterSeconds() != null) {
            response = response.withHeader("Retry-After", String.valueOf(error.retryAfterSeconds()));
        }
        return response;
    }

    @Override
    public AwsException missingAuthentication() {
        return new AwsException("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
    }

    @Override
    public AwsException unknownAccessKey(String accessKeyId) {
        return new AwsException("UnrecognizedClientException", 403,
                "The security token included in the request is invalid.");
    }

    @Override
    public AwsException faultError(String code, String message, Long retryAfterSeconds) {
        return DrsErrors.of(code, message, retryAfterSeconds);
    }
}
