package dev.drsorchestrator.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.drsorchestrator.shared.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;

class AuditLogTest {
    private final DynamoDbClient dynamoDb = mock(DynamoDbClient.class);
    private final List<Long> sleeps = new ArrayList<>();
    private final AuditLog log = new AuditLog(() -> dynamoDb, "audit", 4, 50, sleeps::add);

    static AuditRecord record() {
        return new AuditRecord("a-1", Instant.parse("2025-02-17T10:30:45.123Z"), "get_drs_source_servers",
                "API_GATEWAY", "CognitoUser", "cognito:user:admin@example.com", "admin@example.com", List.of("Admin"),
                null, "891376951562", "891376951562", null,
                Json.mapper().createObjectNode().put("region", "us-east-2"), "req-1", 200, 1024, 150, null, null,
                "query-handler", "$LATEST", "dev", 1_800_000_000L);
    }

    @Test
    void record_shouldPutConditionally_whenTableAvailable() {
        // GIVEN
        when(dynamoDb.putItem(any(PutItemRequest.class))).thenReturn(PutItemResponse.builder().build());
        // WHEN
        boolean written = log.record(record());
        // THEN
        ArgumentCaptor<PutItemRequest> captor = ArgumentCaptor.forClass(PutItemRequest.class);
        verify(dynamoDb).putItem(captor.capture());
        PutItemRequest request = captor.getValue();
        assertThat(written).isTrue();
        assertThat(request.tableName()).isEqualTo("audit");
        assertThat(request.conditionExpression()).isEqualTo("attribute_not_exists(#auditId)");
        assertThat(request.expressionAttributeNames()).containsExactly(Map.entry("#auditId", "auditId"));
        Map<String, AttributeValue> item = request.item();
        assertThat(item.get("auditId").s()).isEqualTo("a-1");
        assertThat(item.get("timestamp").s()).isEqualTo("2025-02-17T10:30:45.123Z");
        assertThat(item.get("day").s()).isEqualTo("2025-02-17");
        assertThat(item.get("userEmail").s()).isEqualTo("admin@example.com");
        assertThat(item.get("parameters").m().get("region").s()).isEqualTo("us-east-2");
        assertThat(item.get("statusCode").n()).isEqualTo("200");
        assertThat(item.get("expiresAt").n()).isEqualTo("1800000000");
        assertThat(item).doesNotContainKeys("targetAccount", "sessionName", "errorType");
    }

    @Test
    void record_shouldRetryWithBackoff_whenThrottled() {
        when(dynamoDb.putItem(any(PutItemRequest.class)))
                .thenThrow(ProvisionedThroughputExceededException.builder().message("slow down").build())
                .thenThrow(ProvisionedThroughputExceededException.builder().message("slow down").build())
                .thenReturn(PutItemResponse.builder().build());
        assertThat(log.record(record())).isTrue();
        assertThat(sleeps).containsExactly(50L, 100L);
    }

    @Test
    void record_shouldFallBackWithoutThrowing_whenThrottlingPersists() {
        when(dynamoDb.putItem(any(PutItemRequest.class)))
                .thenThrow(ProvisionedThroughputExceededException.builder().message("slow down").build());
        assertThat(log.record(record())).isFalse();
        verify(dynamoDb, times(4)).putItem(any(PutItemRequest.class));
        assertThat(sleeps).containsExactly(50L, 100L, 200L);
    }

    @Test
    void record_shouldFallBackImmediately_whenErrorNotRetryable() {
        when(dynamoDb.putItem(any(PutItemRequest.class))).thenThrow(DynamoDbException.builder()
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build())
                .message("no table").build());
        assertThat(log.record(record())).isFalse();
        verify(dynamoDb, times(1)).putItem(any(PutItemRequest.class));
        assertThat(sleeps).isEmpty();
    }

    @Test
    void record_shouldNotThrow_whenClientCannotBeBuilt() {
        AuditLog broken = new AuditLog(() -> {
            throw new IllegalStateException("no credentials");
        }, "audit", 3, 0, ms -> { });
        assertThat(broken.record(record())).isFalse();
    }
}
