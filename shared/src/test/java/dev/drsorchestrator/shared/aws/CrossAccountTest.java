package dev.drsorchestrator.shared.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.error.ValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

class CrossAccountTest {
    private final StsClient sts = mock(StsClient.class);
    private final MutableClock clock = new MutableClock(Instant.parse("2025-02-17T10:00:00Z"));
    private final Env env = Env.of(Map.of("AWS_REGION", "us-east-1", "CROSS_ACCOUNT_EXTERNAL_ID", "ext-42",
            "AWS_LAMBDA_FUNCTION_NAME", "query-handler"));
    private final CrossAccount crossAccount = new CrossAccount(() -> sts, env, clock);

    private static AssumeRoleResponse response(String keyId, Instant expiration) {
        return AssumeRoleResponse.builder().credentials(Credentials.builder().accessKeyId(keyId)
                .secretAccessKey("secret").sessionToken("token").expiration(expiration).build()).build();
    }

    @Test
    void scope_shouldAssumeRoleWithExternalIdAndCache_whenCalledTwice() {
        // GIVEN
        when(sts.assumeRole(any(AssumeRoleRequest.class)))
                .thenReturn(response("ASIA1", clock.instant().plusSeconds(3600)));
        // WHEN
        String first = crossAccount.scope("123456789012").provider().resolveCredentials().accessKeyId();
        String second = crossAccount.scope("123456789012").provider().resolveCredentials().accessKeyId();
        // THEN
        ArgumentCaptor<AssumeRoleRequest> captor = ArgumentCaptor.forClass(AssumeRoleRequest.class);
        verify(sts, times(1)).assumeRole(captor.capture());
        AssumeRoleRequest request = captor.getValue();
        assertThat(first).isEqualTo("ASIA1").isEqualTo(second);
        assertThat(request.roleArn()).isEqualTo("arn:aws:iam::123456789012:role/DRSOrchestrationCrossAccountRole");
        assertThat(request.externalId()).isEqualTo("ext-42");
        assertThat(request.durationSeconds()).isEqualTo(3600);
        assertThat(request.roleSessionName()).isEqualTo("drs-orchestrator-query-handler");
        assertThat(crossAccount.scope("123456789012").cacheKey())
                .startsWith("123456789012/DRSOrchestrationCrossAccountRole#").doesNotContain("ext-42");
    }

    @Test
    void scope_shouldNotReuseCredentials_whenTheExternalIdDiffers() {
        // GIVEN credentials obtained with the configured external id
        when(sts.assumeRole(any(AssumeRoleRequest.class)))
                .thenReturn(response("ASIA1", clock.instant().plusSeconds(3600)))
                .thenReturn(response("ASIA2", clock.instant().plusSeconds(3600)));
        String first = crossAccount.scope("123456789012").provider().resolveCredentials().accessKeyId();
        // WHEN the same role is asked for with another external id
        CredentialsScope other = crossAccount.scope("123456789012", "DRSOrchestrationCrossAccountRole", "ext-43");
        String second = other.provider().resolveCredentials().accessKeyId();
        // THEN a second AssumeRole carried the new external id
        ArgumentCaptor<AssumeRoleRequest> captor = ArgumentCaptor.forClass(AssumeRoleRequest.class);
        verify(sts, times(2)).assumeRole(captor.capture());
        assertThat(first).isEqualTo("ASIA1");
        assertThat(second).isEqualTo("ASIA2");
        assertThat(captor.getAllValues()).extracting(AssumeRoleRequest::externalId).containsExactly("ext-42", "ext-43");
        assertThat(other.cacheKey()).isNotEqualTo(crossAccount.scope("123456789012").cacheKey());
    }

    @Test
    void scope_shouldRefresh_whenWithinFiveMinutesOfExpiry() {
        when(sts.assumeRole(any(AssumeRoleRequest.class)))
                .thenReturn(response("ASIA1", clock.instant().plusSeconds(3600)))
                .thenReturn(response("ASIA2", clock.instant().plusSeconds(7200)));
        CredentialsScope scope = crossAccount.scope("123456789012");
        assertThat(scope.provider().resolveCredentials().accessKeyId()).isEqualTo("ASIA1");
        clock.now = clock.now.plusSeconds(3600 - 301);
        assertThat(scope.provider().resolveCredentials().accessKeyId()).isEqualTo("ASIA1");
        clock.now = clock.now.plusSeconds(2);
        assertThat(scope.provider().resolveCredentials().accessKeyId()).isEqualTo("ASIA2");
    }

    @Test
    void roleArn_shouldRejectNamingField_whenAccountOrRoleInvalid() {
        assertThatThrownBy(() -> crossAccount.roleArn("12345", "Role")).isInstanceOf(ValidationException.class)
                .hasMessage("Field 'accountId' must be a 12-digit AWS account id");
        assertThatThrownBy(() -> crossAccount.roleArn("123456789012", "bad role"))
                .hasMessageStartingWith("Field 'roleName'");
        assertThat(new CrossAccount(() -> sts, Env.of(Map.of("AWS_REGION", "us-gov-west-1")), clock)
                .roleArn("123456789012", "R")).isEqualTo("arn:aws-us-gov:iam::123456789012:role/R");
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
