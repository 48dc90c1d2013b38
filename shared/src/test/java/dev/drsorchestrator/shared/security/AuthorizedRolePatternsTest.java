package dev.drsorchestrator.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.config.MissingConfigurationException;
import dev.drsorchestrator.shared.error.ForbiddenException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuthorizedRolePatternsTest {
    private final AuthorizedRolePatterns patterns = new AuthorizedRolePatterns(AuthorizedRolePatterns.DEFAULT_PATTERNS);

    @Test
    void check_shouldPass_whenAssumedRoleMatches() {
        Principal role = ArnParser.parse("arn:aws:sts::891376951562:assumed-role/ExecutionRole/s");
        patterns.check(role);
        assertThat(patterns.matches(role.arn())).isTrue();
    }

    @Test
    void check_shouldRefuse_whenAssumedRoleMatchesNoPattern() {
        Principal role = ArnParser.parse("arn:aws:sts::891376951562:assumed-role/AttackerRole/s");
        assertThatThrownBy(() -> patterns.check(role)).isInstanceOf(ForbiddenException.class)
                .hasMessage("Unauthorized IAM role");
    }

    @Test
    void check_shouldPass_whenPrincipalIsNotARole() {
        patterns.check(new Principal.Unknown());
        patterns.check(new Principal.Service("arn:aws:events:us-east-1:891376951562:rule/x", "891376951562"));
        assertThat(patterns.matches(null)).isFalse();
    }

    @Test
    void constructor_shouldFail_whenPatternInvalid() {
        assertThatThrownBy(() -> new AuthorizedRolePatterns(List.of("(")))
                .isInstanceOf(MissingConfigurationException.class);
    }

    @Test
    void parse_shouldOverlayConfiguredAliases_whenEntriesGiven() {
        Map<String, java.util.Set<Role>> aliases = RbacAliases.parse(List.of("OpsLead=Operator+Planner"));
        assertThat(aliases.get("OpsLead")).containsExactlyInAnyOrder(Role.OPERATOR, Role.PLANNER);
        assertThat(aliases).containsKey("DRSReadOnly");
        assertThatThrownBy(() -> RbacAliases.parse(List.of("Bad=Nobody")))
                .isInstanceOf(MissingConfigurationException.class);
    }
}
