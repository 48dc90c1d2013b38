package dev.drsorchestrator.query.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.query.drs.CapacityStatus;
import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.gateway.SourceServerQuery;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code validate_staging_account} (direct on query-handler; the API route is data-management's): whether a
 * prospective staging account's role can be assumed and DRS is initialized there, and how many servers it would
 * bring. Only AssumeRole and DescribeSourceServers are called.
 */
final class StagingValidation {
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[A-Za-z0-9+=,.@_/-]{1,512}");
    private final Gateways gateways;

    StagingValidation(Gateways gateways) {
        this.gateways = gateways;
    }

    Object validate(OperationRequest request) {
        String accountId = Validators.accountId("accountId", request.bodyString("accountId").orElse(null));
        String roleArn = request.bodyString("roleArn").orElse(null);
        if (roleArn == null || !ROLE_ARN.matcher(roleArn).matches()) {
            throw new ValidationException("Field 'roleArn' must be an IAM role ARN");
        }
        String region = Validators.region("region", request.bodyString("region").orElse(null));
        String externalId = request.bodyString("externalId").map(v -> Validators.text("externalId", v, 1224))
                .orElse(null);
        AccountContext account = AccountContext.target(accountId, roleArn, externalId);
        request.auditTargetAccount(accountId);
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            List<JsonNode> servers = gateways.drs(account, region).describeSourceServers(SourceServerQuery.all());
            int replicating = (int) servers.stream()
                    .filter(s -> CapacityStatus.replicating(s.path("replicationState").asText(null))).count();
            out.put("valid", true);
            out.put("roleAccessible", true);
            out.put("drsInitialized", true);
            out.put("currentServers", servers.size());
            out.put("replicatingServers", replicating);
            out.put("totalAfter", servers.size());
            details.put("initializedRegions", List.of(region));
            details.put("uninitializedRegions", List.of());
        } catch (AwsCallFailure failure) {
            boolean roleFailed = "sts".equals(failure.service()) || failure instanceof AwsCallFailure.Denied;
            out.put("valid", false);
            out.put("roleAccessible", !roleFailed);
            out.put("drsInitialized", false);
            out.put("error", roleFailed ? "The role cannot be assumed or may not call DRS"
                    : "DRS is not available in " + region + " for this account");
            details.put(roleFailed ? "roleErrorCode" : "drsError", failure.errorCode());
            details.put("initializedRegions", List.of());
            details.put("uninitializedRegions", roleFailed ? List.of() : List.of(region));
        }
        out.put("details", details);
        return out;
    }
}
