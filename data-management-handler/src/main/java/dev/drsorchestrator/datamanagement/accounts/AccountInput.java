package dev.drsorchestrator.datamanagement.accounts;

import dev.drsorchestrator.datamanagement.input.RequestFields;
import dev.drsorchestrator.shared.error.ValidationException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Formats of account fields: a role as a name or an ARN in the same account, an external id, a display name. */
final class AccountInput {
    static final int NAME_MAX = 128;
    private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]{1,64}");
    // One flat character class for path and name (no nested quantifiers, so matching stays linear); the name after
    // the last '/' and the path's segments are checked separately in isRoleArnPath.
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/([\\w+=,.@/-]{1,576})");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    private AccountInput() {
    }

    /** The role of {@code field} (a role name or an ARN whose account is {@code accountId}). */
    static Optional<String> role(RequestFields body, String field, String accountId) {
        Optional<String> role = body.string(field).map(String::trim).filter(s -> !s.isEmpty());
        role.ifPresent(value -> {
            var arn = ROLE_ARN.matcher(value);
            if (arn.matches() && isRoleArnPath(arn.group(2))) {
                if (!arn.group(1).equals(accountId)) {
                    throw new ValidationException("Field '" + field + "' names a role in account " + arn.group(1)
                            + ", not in account " + accountId);
                }
            } else if (!ROLE_NAME.matcher(value).matches()) {
                throw new ValidationException("Field '" + field + "' must be an IAM role name or a role ARN"
                        + " (arn:aws:iam::<account>:role/<name>)");
            }
        });
        return role;
    }

    /** A role ARN's path and name: non-empty segments, the name (last segment) a valid role name. */
    private static boolean isRoleArnPath(String pathAndName) {
        String[] segments = pathAndName.split("/", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return false;
            }
        }
        return ROLE_NAME.matcher(segments[segments.length - 1]).matches();
    }

    /** The external id of {@code field}: 2-1224 characters of letters, digits and +=,.@:/-_. */
    static Optional<String> externalId(RequestFields body, String field) {
        Optional<String> id = body.string(field).map(String::trim).filter(s -> !s.isEmpty());
        id.ifPresent(value -> {
            if (!EXTERNAL_ID.matcher(value).matches()) {
                throw new ValidationException("Field '" + field + "' must be 2-1224 characters of letters, digits"
                        + " and +=,.@:/-_");
            }
        });
        return id;
    }
}
