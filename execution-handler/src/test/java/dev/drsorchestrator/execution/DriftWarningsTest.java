package dev.drsorchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.model.ProtectionGroup;
import java.util.List;
import org.junit.jupiter.api.Test;

class DriftWarningsTest {
    private static final ProtectionGroup WEB = new ProtectionGroup("pg-web", "web", null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, 1L);

    @Test
    void describe_shouldNameGroupServersAndTheFix_whenServersChangedAndOthersWereNeverApplied() {
        // GIVEN one drifted server and one never applied
        // WHEN the warning is written
        String warning = DriftWarnings.describe(WEB, List.of("s-1"), List.of("s-2"));

        // THEN it names the group, both kinds of server and the route that applies the configuration
        assertThat(warning).isEqualTo("Protection group 'web': launch configuration changed since it was last "
                + "applied for s-1; launch configuration never applied for s-2. DRS launches them with the settings "
                + "it holds; apply the group's configuration with POST /protection-groups/pg-web/apply-launch-configs");
    }

    @Test
    void describe_shouldOmitTheChangedClause_whenOnlyNeverAppliedServers() {
        // GIVEN / WHEN only never-applied servers
        String warning = DriftWarnings.describe(WEB, List.of(), List.of("s-2", "s-3"));

        // THEN the sentence starts with them
        assertThat(warning).startsWith("Protection group 'web': launch configuration never applied for s-2, s-3.");
    }
}
