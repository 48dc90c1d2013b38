package dev.drsorchestrator.local.sim.ec2;

import dev.drsorchestrator.local.sim.http.AwsException;
import dev.drsorchestrator.local.sim.http.AwsServiceHandler;
import dev.drsorchestrator.local.sim.http.SimRequest;
import dev.drsorchestrator.local.sim.http.SimResponse;
import dev.drsorchestrator.local.sim.http.Xml;
import dev.drsorchestrator.local.sim.model.Fleet;
import dev.drsorchestrator.local.sim.model.FleetException;
import java.util.Map;
import java.util.Set;

/**
 * Simulated EC2 on its query protocol: {@code Action=} names the operation, answers are XML in the 2016-11-15
 * namespace with a {@code requestId}, and errors use EC2's own {@code <Response><Errors>} shape.
 */
public final class Ec2Handler implements AwsServiceHandler {
    static final String NAMESPACE = "http://ec2.amazonaws.com/doc/2016-11-15/";
    private static final Set<String> ACTIONS = Set.of("DescribeInstances", "DescribeSubnets",
            "DescribeSecurityGroups", "DescribeInstanceTypes", "DescribeLaunchTemplateVersions",
            "CreateLaunchTemplateVersion", "ModifyLaunchTemplate", "CreateTags");
    private static final Map<String, Integer> STATUS = Map.of("RequestLimitExceeded", 503,
            "UnauthorizedOperation", 403, "AuthFailure", 401, "InternalError", 500, "Unavailable", 503);

    private final Ec2Describe describe;
    private final Ec2LaunchTemplates templates;

    public Ec2Handler(Fleet fleet) {
        this.describe = new Ec2Describe(fleet);
        this.templates = new Ec2LaunchTemplates(fleet);
    }

    @Override
    public String signingName() {
        return "ec2";
    }

    @Override
    public Set<String> unsignedActions() {
        return ACTIONS;
    }

    @Override
    public String operation(SimRequest request) {
        String action = request.params().get("Action");
        return action != null && ACTIONS.contains(action) ? action : "Unknown";
    }

    @Override
    public SimResponse handle(SimRequest request) {
        Map<String, String> params = request.params();
        String action = params.get("Action");
        if (action == null || action.isEmpty()) {
            throw new AwsException("MissingAction", 400, "The request must contain the parameter Action");
        }
        if (!ACTIONS.contains(action)) {
            throw new AwsException("InvalidAction", 400, "The action " + action + " is not valid for this web service.");
        }
        Ec2Call call = new Ec2Call(request.accountId(), request.region(), params);
        String inner;
        try {
            inner = switch (action) {
                case "DescribeInstances" -> describe.instances(call);
                case "DescribeSubnets" -> describe.subnets(call);
                case "DescribeSecurityGroups" -> describe.securityGroups(call);
                case "DescribeInstanceTypes" -> describe.instanceTypes(call);
                case "DescribeLaunchTemplateVersions" -> templates.describeVersions(call);
                case "CreateLaunchTemplateVersion" -> templates.createVersion(call);
                case "ModifyLaunchTemplate" -> templates.modify(call);
                default -> templates.createTags(call);
            };
        } catch (FleetException e) {
            throw fromFleet(e);
        }
        Xml xml = new Xml().open(action + "Response", NAMESPACE).leaf("requestId", request.requestId()).raw(inner)
                .close(action + "Response");
        return SimResponse.xml(200, xml.toString());
    }

    private static AwsException fromFleet(FleetException e) {
        String code = switch (e.kind()) {
            case NOT_FOUND -> "LAUNCH_TEMPLATE".equals(e.resourceType()) ? "InvalidLaunchTemplateId.NotFound"
                    : "InvalidID";
            case CONFLICT -> "IncorrectState";
            case QUOTA -> "ResourceLimitExceeded";
            case VALIDATION -> "LAUNCH_TEMPLATE_VERSION".equals(e.resourceType())
                    ? "InvalidLaunchTemplateId.VersionNotFound" : "InvalidParameterValue";
        };
        return new AwsException(code, 400, e.getMessage());
    }

    @Override
    public SimResponse renderError(SimRequest request, AwsException error) {
        Xml xml = new Xml().open("Response").open("Errors").open("Error").leaf("Code", error.code())
                .leaf("Message", error.serverSide() ? "An internal error has occurred" : error.getMessage())
                .close("Error").close("Errors").leaf("RequestID", request.requestId()).close("Response");
        return SimResponse.xml(error.status(), xml.toString());
    }

    @Override
    public AwsException missingAuthentication() {
        return new AwsException("AuthFailure", 401, "AWS was not able to validate the provided access credentials");
    }

    @Override
    public AwsException unknownAccessKey(String accessKeyId) {
        return new AwsException("AuthFailure", 401, "AWS was not able to validate the provided access credentials");
    }

    @Override
    public AwsException faultError(String code, String message, Long retryAfterSeconds) {
        String effective = code == null ? "InternalError" : code;
        String text = message != null ? message : switch (effective) {
            case "RequestLimitExceeded" -> "Request limit exceeded.";
            case "UnauthorizedOperation" -> "You are not authorized to perform this operation.";
            default -> "Injected fault: " + effective;
        };
        return new AwsException(effective, STATUS.getOrDefault(effective, 400), text, Map.of(), retryAfterSeconds);
    }
}
