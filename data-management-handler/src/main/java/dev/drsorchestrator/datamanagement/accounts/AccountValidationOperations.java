package dev.drsorchestrator.datamanagement.accounts;

import dev.drsorchestrator.shared.gateway.AccountIdentities;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.Gateways;
import dev.drsorchestrator.shared.gateway.SourceServerQuery;
import dev.drsorchestrator.shared.handler.Operation;
import dev.drsorchestrator.shared.handler.OperationRequest;
import dev.drsorchestrator.shared.handler.Route;
import dev.drsorchestrator.shared.model.TargetAccount;
import dev.drsorchestrator.shared.security.Permission;
import dev.drsorchestrator.shared.store.TargetAccountStore;
import dev.drsorchestrator.shared.validation.Validators;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * validate_target_account: assumes the account's role and makes one DRS call, reporting which step failed and why,
 * and stores the outcome (status, lastValidated, error) on the account.
 */
public final class AccountValidationOperations {
    private static final Logger LOG = LoggerFactory.getLogger(AccountValidationOperations.class);
    private final TargetAccountStore accounts;
    private final Gateways gateways;
    private final Clock clock;

    /** The operation over the account store and the gateways. */
    public AccountValidationOperations(TargetAccountStore accounts, Gateways gateways, Clock clock) {
        this.accounts = accounts;
        this.gateways = gateways;
        this.clock = clock;
    }

    /** The operation with its wire name, permission and route. */
    public List<Operation> operations() {
        return List.of(Operation.of("validate_target_account", Permission.ACCOUNTS_WRITE, this::validate,
                        Route.post("/accounts/targets/{id}/validate")),
                Operation.of("validate_staging_account", Permission.ACCOUNTS_READ, this::validateStaging,
                        Route.post("/staging-accounts/validate")));
    }

    /**
     * validate_staging_account: before a staging account is attached, proves its role can be assumed and that DRS
     * is initialized in the region, and counts the servers it already replicates. Read-only.
     */
    Map<String, Object> validateStaging(OperationRequest request) {
        dev.drsorchestrator.datamanagement.input.RequestFields body =
                dev.drsorchestrator.datamanagement.input.RequestFields.of(request);
        String accountId = Validators.accountId("accountId", body.string("accountId").orElse(null));
        String region = Validators.region("region", body.string("region").orElse(null));
        String roleArn = body.requiredString("roleArn");
        if (!roleArn.matches("arn:aws[a-z-]*:iam::" + accountId + ":role/[A-Za-z0-9+=,.@_/-]{1,512}")) {
            throw new dev.drsorchestrator.shared.error.ValidationException("Field 'roleArn' must be a role ARN in"
                    + " account " + accountId);
        }
        String externalId = body.text("externalId", 1224).orElse(null);
        request.auditTargetAccount(accountId);
        AccountContext context = AccountContext.target(accountId, roleArn, externalId);
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> details = new LinkedHashMap<>();
        out.put("valid", false);
        out.put("roleAccessible", false);
        out.put("drsInitialized", false);
        out.put("details", details);
        try {
            gateways.sts(context, region).getCallerIdentity();
        } catch (AwsCallFailure failure) {
            details.put("roleErrorCode", failure.errorCode());
            out.put("error", "Cannot assume " + roleArn + ": " + failure.errorType().friendlyMessage());
            return out;
        }
        out.put("roleAccessible", true);
        try {
            var servers = gateways.drs(context, region).describeSourceServers(SourceServerQuery.all());
            long replicating = servers.stream().filter(s -> "CONTINUOUS".equals(s.path("replicationState").asText()))
                    .count();
            out.put("drsInitialized", true);
            out.put("valid", true);
            out.put("currentServers", servers.size());
            out.put("replicatingServers", (int) replicating);
            out.put("totalAfter", servers.size());
            details.put("initializedRegions", List.of(region));
            details.put("uninitializedRegions", List.of());
        } catch (AwsCallFailure failure) {
            details.put("drsError", failure.errorCode());
            details.put("initializedRegions", List.of());
            details.put("uninitializedRegions", List.of(region));
            out.put("error", "DRS in " + region + ": " + failure.errorType().friendlyMessage());
        }
        return out;
    }

    Map<String, Object> validate(OperationRequest request) {
        String accountId = Validators.accountId("id", request.parameter("id")
                .or(() -> request.parameter("accountId")).orElse(null));
        request.auditTargetAccount(accountId);
        TargetAccount account = accounts.require(accountId);
        AccountContext context = AccountIdentities.of(account);
        String region = gateways.homeRegion();
        List<Map<String, Object>> steps = new ArrayList<>();
        boolean assumed = step(steps, "assumeRole", () -> gateways.sts(context, region).getCallerIdentity().arn());
        boolean drs = assumed && step(steps, "drsDescribeSourceServers", () -> "DRS answered with "
                + gateways.drs(context, region).describeSourceServers(SourceServerQuery.all().withPageSize(1)).size()
                + " server(s) on the first page");
        if (!assumed) {
            steps.add(Map.of("check", "drsDescribeSourceServers", "status", "SKIPPED",
                    "message", "Not attempted because the role could not be assumed"));
        }
        boolean valid = assumed && drs;
        String now = clock.instant().toString();
        String message = valid ? "Account " + accountId + " is reachable and DRS answers in " + region
                : "Account " + accountId + " failed validation: " + steps.stream()
                        .filter(s -> "FAILED".equals(s.get("status"))).map(s -> s.get("check") + ": " + s.get("message"))
                        .findFirst().orElse("unknown failure");
        TargetAccount updated = new TargetAccount(account.accountId(), account.accountName(), account.roleArn(),
                account.crossAccountRoleArn(), account.assumeRoleName(), account.externalId(),
                account.isCurrentAccount(), valid ? "active" : "error", now, valid ? null : message,
                account.stagingAccounts(), account.createdBy(), account.createdAt(), account.updatedBy(),
                account.updatedAt(), null);
        accounts.update(updated, account.version());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accountId", accountId);
        out.put("valid", valid);
        out.put("message", message);
        out.put("details", Map.of("region", region, "account", context.label()));
        out.put("overallStatus", valid ? "VALID" : "INVALID");
        out.put("validationResults", steps);
        out.put("lastValidated", now);
        return out;
    }

    private static boolean step(List<Map<String, Object>> steps, String check, java.util.function.Supplier<String> call) {
        try {
            String detail = call.get();
            steps.add(Map.of("check", check, "status", "PASSED", "message", detail));
            return true;
        } catch (AwsCallFailure failure) {
            steps.add(Map.of("check", check, "status", "FAILED", "message",
                    failure.errorCode() + ": " + failure.errorType().friendlyMessage()));
            return false;
        } catch (RuntimeException failure) {
            LOG.warn("Account validation step {} failed", check, failure);
            steps.add(Map.of("check", check, "status", "FAILED", "message", failure.getClass().getSimpleName()));
            return false;
        }
    }
}
