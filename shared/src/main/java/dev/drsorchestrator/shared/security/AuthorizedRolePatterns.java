package dev.drsorchestrator.shared.security;

import dev.drsorchestrator.shared.config.MissingConfigurationException;
import dev.drsorchestrator.shared.error.ForbiddenException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Defence in depth for direct invocations: an IAM role that names itself in the event must match one of the configured
 * patterns (seed 000's authorized role patterns). IAM on the function remains the primary gate, so principals that are
 * not roles pass through.
 */
public final class AuthorizedRolePatterns {
    /** The seed's patterns, used when none are configured. */
    public static final List<String> DEFAULT_PATTERNS = List.of(
            "^arn:aws:iam::\\d{12}:role/ExecutionRole$",
            "^arn:aws:iam::\\d{12}:role/StepFunctionsRole$",
            "^arn:aws:iam::\\d{12}:role/EventBridgeRole$");

    private final List<Pattern> patterns;

    /** Patterns from regular expressions; an invalid one is a configuration error. */
    public AuthorizedRolePatterns(List<String> regexes) {
        try {
            this.patterns = regexes.stream().map(Pattern::compile).toList();
        } catch (PatternSyntaxException e) {
            throw new MissingConfigurationException("AUTHORIZED_ROLE_PATTERNS holds an invalid regular expression");
        }
    }

    /** True when the role ARN matches any pattern. */
    public boolean matches(String roleArn) {
        return roleArn != null && patterns.stream().anyMatch(p -> p.matcher(roleArn).matches());
    }

    /** Throws 403 for an assumed role that matches no pattern. */
    public void check(Principal principal) {
        if (principal instanceof Principal.AssumedRole role && !matches(role.roleArn())) {
            throw new ForbiddenException("Unauthorized IAM role");
        }
    }
}
