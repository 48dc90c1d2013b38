package dev.drsorchestrator.shared.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.InstanceProfile;

/** The IAM reads of the system: instance profiles that recovery instances may be launched with. */
public final class IamGateway {
    private final IamClient iam;

    IamGateway(IamClient iam) {
        this.iam = iam;
    }

    /** Every instance profile of the account: {instanceProfileName, arn, roles: [roleName]}. */
    public List<JsonNode> listInstanceProfiles() {
        return AwsFailures.call("iam", "ListInstanceProfiles", () -> iam.listInstanceProfilesPaginator()
                .instanceProfiles().stream().map(IamGateway::profile).toList());
    }

    private static JsonNode profile(InstanceProfile p) {
        ObjectNode out = JsonFields.object();
        out.put("instanceProfileName", p.instanceProfileName());
        JsonFields.put(out, "arn", p.arn());
        ArrayNode roles = out.putArray("roles");
        p.roles().forEach(r -> roles.add(r.roleName()));
        return out;
    }
}
