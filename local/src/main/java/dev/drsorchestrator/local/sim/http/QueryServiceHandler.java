package dev.drsorchestrator.local.sim.http;

import java.util.Map;
import java.util.Set;

/**
 * Base for services on the AWS query protocol (STS, IAM, SNS): the {@code Action} parameter names the operation,
 * responses are {@code <ActionResponse>} XML and errors are {@code <ErrorResponse>} XML.
 */
public abstract class QueryServiceHandler implements AwsServiceHandler {
    private final String signingName;
    private final String namespace;
    private final String version;
    private final Set<String> actions;

    /** @param actions the action names this service implements */
    protected QueryServiceHandler(String signingName, String namespace, String version, Set<String> actions) {
        this.signingName = signingName;
        this.namespace = namespace;
        this.version = version;
        this.actions = Set.copyOf(actions);
    }

    /** Performs one action and returns the inner XML of {@code <ActionResult>}, or null when it has none. */
    protected abstract String perform(String action, SimRequest request, Map<String, String> params);

    @Override
    public final String signingName() {
        return signingName;
    }

    @Override
    public final Set<String> unsignedActions() {
        return actions;
    }

    @Override
    public final String operation(SimRequest request) {
        String action = request.params().get("Action");
        return action != null && actions.contains(action) ? action : "Unknown";
    }

    @Override
    public final SimResponse handle(SimRequest request) {
        Map<String, String> params = request.params();
        String action = params.get("Action");
        if (action == null || action.isEmpty()) {
            throw new AwsException("MissingAction", 400, "Missing Action");
        }
        if (!actions.contains(action)) {
            throw new AwsException("InvalidAction", 400, "Could not find operation " + action + " for version "
                    + version);
        }
        String givenVersion = params.get("Version");
        if (givenVersion != null && !givenVersion.equals(version)) {
            throw new AwsException("InvalidAction", 400, "Could not find operation " + action + " for version "
                    + givenVersion);
        }
        String result = perform(action, request, params);
        Xml xml = new Xml().open(action + "Response", namespace);
        if (result != null) {
            xml.open(action + "Result");
            String text = xml.toString();
            return SimResponse.xml(200, text + result + "</" + action + "Result>" + metadata(request.requestId())
                    + "</" + action + "Response>");
        }
        return SimResponse.xml(200, xml + metadata(request.requestId()) + "</" + action + "Response>");
    }

    private static String metadata(String requestId) {
        return "<ResponseMetadata><RequestId>" + Xml.escape(requestId) + "</RequestId></ResponseMetadata>";
    }

    @Override
    public final SimResponse renderError(SimRequest request, AwsException error) {
        Xml xml = new Xml().open("ErrorResponse", namespace).open("Error")
                .leaf("Type", error.status() >= 500 ? "Receiver" : "Sender")
                .leaf("Code", error.code())
                .leaf("Message", error.serverSide() ? "An internal error occurred" : error.getMessage())
                .close("Error").leaf("RequestId", request.requestId()).close("ErrorResponse");
        SimResponse response = SimResponse.xml(error.status(), xml.toString())
                .withHeader("x-amzn-RequestId", request.requestId());
        return error.retryAfterSeconds() == null ? response
                : response.withHeader("Retry-After", String.valueOf(error.retryAfterSeconds()));
    }

    @Override
    public AwsException missingAuthentication() {
        return new AwsException("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
    }

    @Override
    public AwsException unknownAccessKey(String accessKeyId) {
        return new AwsException("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
    }

    @Override
    public AwsException faultError(String code, String message, Long retryAfterSeconds) {
        if (code == null) {
            return new AwsException("InternalFailure", 500, "An internal error occurred");
        }
        int status = switch (code) {
            case "Throttling", "ThrottlingException", "RequestLimitExceeded" -> 400;
            case "AccessDenied", "AccessDeniedException" -> 403;
            case "NotFound", "NoSuchEntity" -> 404;
            case "ServiceUnavailable" -> 503;
            case "InternalFailure", "InternalError", "ServiceFailure" -> 500;
            default -> 400;
        };
        return new AwsException(code, status, message != null ? message : "Injected fault: " + code, Map.of(),
                retryAfterSeconds);
    }

    /** A required parameter, or a 400 {@code MissingParameter} error naming it. */
    protected static String required(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            throw new AwsException("MissingParameter", 400, "The request must contain the parameter " + name);
        }
        return value;
    }
}
