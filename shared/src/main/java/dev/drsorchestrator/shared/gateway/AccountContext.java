package dev.drsorchestrator.shared.gateway;

import dev.drsorchestrator.shared.error.ValidationException;
import dev.drsorchestrator.shared.validation.Validators;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whose identity an AWS call runs under: the hub (the function's own credentials) or a target account reached through
 * AssumeRole with an ExternalId. Gateways take one, so no caller picks credentials by hand.
 *
 * <pre>{@code
 * DrsGateway drs = gateways.drs(AccountContext.target("222222222222", "DRSOrchestrationRole", externalId), "us-east-1");
 * }</pre>
 */
public sealed interface AccountContext {
    /** The hub account's own identity. */
    static AccountContext hub() {
        return Hub.INSTANCE;
    }

    /**
     * A target account with a role name or role ARN (null for the configured default role) and an ExternalId (null
     * for the configured default).
     */
    static AccountContext target(String accountId, String roleNameOrArn, String externalId) {
        Validators.accountId("accountId", accountId);
        String roleName = roleNameOrArn == null || roleNameOrArn.isBlank() ? null : roleName(accountId, roleNameOrArn);
        return new Target(accountId, roleName, externalId == null || externalId.isBlank() ? null : externalId);
    }

    /** A short label for logs, e.g. {@code hub} or {@code 222222222222}. */
    String label();

    /** The hub. */
    record Hub() implements AccountContext {
        private static final Hub INSTANCE = new Hub();

        @Override
        public String label() {
            return "hub";
        }
    }

    /**
     * A target account.
     *
     * @param accountId  12 digits
     * @param roleName   the role to assume, null for the configured default
     * @param externalId the ExternalId the role's trust policy requires, null for the configured default
     */
    record Target(String accountId, String roleName, String externalId) implements AccountContext {
        @Override
        public String label() {
            return accountId;
        }

        @Override
        public String toString() {
            return "Target[accountId=" + accountId + ", roleName=" + roleName + ", externalId="
                    + (externalId == null ? "default" : "***") + "]";
        }
    }

    private static String roleName(String accountId, String roleNameOrArn) {
        Matcher arn = Holder.ROLE_ARN.matcher(roleNameOrArn);
        if (!arn.matches()) {
            return roleNameOrArn;
        }
        if (!arn.group(1).equals(accountId)) {
            throw new ValidationException("Field 'roleArn' must name a role in account " + accountId);
        }
        return arn.group(2);
    }

    /** Keeps the pattern out of the interface's public constants. */
    final class Holder {
        private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/(?:.*/)?([^/]+)");

        private Holder() {
        }
    }
}
