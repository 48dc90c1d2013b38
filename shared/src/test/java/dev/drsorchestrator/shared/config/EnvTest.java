package dev.drsorchestrator.shared.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvTest {

    @Test
    void endpointOverride_shouldPreferServiceVariable_whenBothSet() {
        Env env = Env.of(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL_DRS", "http://127.0.0.1:9000"));
        assertThat(env.endpointOverride("drs")).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(env.endpointOverride("dynamodb")).contains(URI.create("http://127.0.0.1:4566"));
    }

    @Test
    void endpointOverride_shouldBeEmpty_whenNothingSet() {
        assertThat(Env.of(Map.of()).endpointOverride("sts")).isEmpty();
    }

    @Test
    void endpointOverride_shouldFail_whenNotAbsoluteUrl() {
        Env env = Env.of(Map.of("AWS_ENDPOINT_URL_EC2", "localhost"));
        assertThatThrownBy(() -> env.endpointOverride("ec2")).isInstanceOf(MissingConfigurationException.class)
                .hasMessageContaining("AWS_ENDPOINT_URL_EC2");
    }

    @Test
    void tableName_shouldNameVariable_whenMissing() {
        assertThatThrownBy(() -> Env.of(Map.of()).tableName(Table.AUDIT_LOG))
                .hasMessage("Environment variable AUDIT_LOG_TABLE is required");
        assertThat(Env.of(Map.of("AUDIT_LOG_TABLE", "t")).tableName(Table.AUDIT_LOG)).isEqualTo("t");
    }

    @Test
    void flag_shouldParseCommonSpellings_whenSet() {
        Env env = Env.of(Map.of("A", "TRUE", "B", "0", "C", "maybe"));
        assertThat(env.flag("A", false)).isTrue();
        assertThat(env.flag("B", true)).isFalse();
        assertThat(env.flag("D", true)).isTrue();
        assertThatThrownBy(() -> env.flag("C", false)).isInstanceOf(MissingConfigurationException.class);
    }

    @Test
    void list_shouldSplitOnWhitespace_whenPatternsContainCommas() {
        Env env = Env.of(Map.of("AUTHORIZED_ROLE_PATTERNS", "^a{1,3}$\n  ^b$"));
        assertThat(env.list("AUTHORIZED_ROLE_PATTERNS")).containsExactly("^a{1,3}$", "^b$");
    }

    @Test
    void staticCredentials_shouldIncludeSessionToken_whenSetAndHideSecret() {
        Env env = Env.of(Map.of("AWS_ACCESS_KEY_ID", "AKIA", "AWS_SECRET_ACCESS_KEY", "s3cr3t",
                "AWS_SESSION_TOKEN", "tok"));
        assertThat(env.staticCredentials()).hasValueSatisfying(c -> {
            assertThat(c.sessionToken()).isEqualTo("tok");
            assertThat(c.toString()).doesNotContain("s3cr3t");
        });
    }

    @Test
    void region_shouldFallBack_whenUnset() {
        assertThat(Env.of(Map.of("AWS_DEFAULT_REGION", "eu-west-1")).region()).isEqualTo("eu-west-1");
        assertThat(Env.of(Map.of()).region()).isEqualTo("us-east-1");
    }

    @Test
    void table_shouldCarryDataModelNames_whenListed() {
        assertThat(Table.values()).hasSize(11);
        assertThat(Table.EXECUTION_HISTORY.envVariable()).isEqualTo("EXECUTION_HISTORY_TABLE");
        assertThat(Table.AUDIT_LOG.logicalId()).isEqualTo("AuditLogTable");
    }
}
