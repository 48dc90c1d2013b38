package dev.drsorchestrator.local.runtime;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.local.sim.http.AwsException;
import dev.drsorchestrator.local.sim.http.AwsServiceHandler;
import dev.drsorchestrator.local.sim.http.SimRequest;
import dev.drsorchestrator.local.sim.http.SimResponse;
import dev.drsorchestrator.local.stepfunctions.StepFunctionsApi;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Step Functions on the simulator's edge (signing name {@code states}, AWS JSON 1.0), so a handler's real
 * {@code SfnClient} reaches the local runner with nothing but the simulator's endpoint, and gets the simulator's
 * faults and counters like every other service.
 */
public final class StatesService implements AwsServiceHandler {
    private static final String PREFIX = "AWSStepFunctions.";

    private final StepFunctionsApi api;

    /** The service over a runner's API. */
    public StatesService(StepFunctionsApi api) {
        this.api = api;
    }

    @Override
    public String signingName() {
        return "states";
    }

    @Override
    public String operation(SimRequest request) {
        String target = request.header("x-amz-target");
        return target != null && target.startsWith(PREFIX) ? target.substring(PREFIX.length()) : "Unknown";
    }

    @Override
    public SimResponse handle(SimRequest request) {
        StepFunctionsApi.Response response = api.handle(request.header("x-amz-target"), request.body());
        return new SimResponse(response.status(), StepFunctionsApi.CONTENT_TYPE, Map.of(),
                response.json().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public SimResponse renderError(SimRequest request, AwsException error) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("__type", error.code());
        body.put("message", error.getMessage());
        return new SimResponse(error.status(), StepFunctionsApi.CONTENT_TYPE, Map.of(),
                body.toString().getBytes(StandardCharsets.UTF_8));
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
        int status = "ThrottlingException".equals(code) || "TooManyRequestsException".equals(code) ? 400
                : code.startsWith("Service") || code.startsWith("Internal") ? 500 : 400;
        return new AwsException(code, status, message);
    }
}
