package dev.drsorchestrator.datamanagement.accounts;

import dev.drsorchestrator.datamanagement.input.AccountContexts;
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
                Route.post("/accounts/targets/{id}/validate")));
    }

    Map<String, Object> validate(OperationRequest request) {
        String accountId = Validators.accountId("id", request.parameter("id")
                .or(() -> request.parameter("accountId")).orElse(null));
        request.auditTargetAccount(accountId);
        TargetAccount account = accounts.require(accountId);
        AccountContext context = AccountContexts.of(account);
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
