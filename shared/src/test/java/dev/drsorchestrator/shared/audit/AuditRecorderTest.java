package dev.drsorchestrator.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.error.ErrorResponse;
import dev.drsorchestrator.shared.invocation.InvocationMode;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.security.ArnParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

class AuditRecorderTest {

    @Test
    void record_shouldFillSeedSchema_whenAssumedRoleDenied() {
        // GIVEN
        DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
        when(dynamoDb.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
        Env env = Env.of(Map.of("AWS_ACCOUNT_ID", "111122223333", "AWS_LAMBDA_FUNCTION_NAME", "query-handler",
                "ENVIRONMENT", "prod", "AUDIT_RETENTION_DAYS", "30"));
        Instant start = Instant.parse("2025-02-17T10:00:00Z");
        Clock clock = Clock.fixed(start.plusMillis(250), ZoneOffset.UTC);
        AuditRecorder recorder = new AuditRecorder(new AuditLog(() -> dynamoDb, "audit"), env, clock);
        // WHEN
        AuditRecord record = recorder.record(new AuditRecorder.Outcome(start, "poll_wave_status",
                InvocationMode.DIRECT_LAMBDA,
                ArnParser.parse("arn:aws:sts::891376951562:assumed-role/Other/sess"), "123456789012",
                Json.mapper().createObjectNode().put("token", "abc").put("executionId", "e-1"), "req-9", 403, 80,
                new ErrorResponse("FORBIDDEN", "Unauthorized IAM role", 403, null)));
        // THEN
        assertThat(record.principalType()).isEqualTo("AssumedRole");
        assertThat(record.principalArn()).isEqualTo("arn:aws:iam::891376951562:role/Other");
        assertThat(record.sessionName()).isEqualTo("sess");
        assertThat(record.accountId()).isEqualTo("891376951562");
        assertThat(record.sourceAccount()).isEqualTo("111122223333");
        assertThat(record.targetAccount()).isEqualTo("123456789012");
        assertThat(record.invocationMode()).isEqualTo("DIRECT_LAMBDA");
        assertThat(record.parameters().get("token").asText()).isEqualTo(ParameterMasker.MASK);
        assertThat(record.durationMs()).isEqualTo(250);
        assertThat(record.errorType()).isEqualTo("FORBIDDEN");
        assertThat(record.lambdaFunction()).isEqualTo("query-handler");
        assertThat(record.environment()).isEqualTo("prod");
        assertThat(record.expiresAt()).isEqualTo(start.plusMillis(250).plusSeconds(30L * 86400).getEpochSecond());
        assertThat(record.userEmail()).isNull();
    }
}
