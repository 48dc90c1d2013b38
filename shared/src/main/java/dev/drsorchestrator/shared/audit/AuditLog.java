package dev.drsorchestrator.shared.audit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drsorchestrator.shared.aws.AttributeValues;
import dev.drsorchestrator.shared.json.Json;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.RequestLimitExceededException;

/**
 * Appends audit records to the audit table: a conditional put (a record is never overwritten), retried with
 * exponential backoff while DynamoDB throttles, then written as one structured log line instead. Recording never
 * throws: an audit failure must not fail the operation it describes.
 */
public final class AuditLog {
    static final String CONDITION = "attribute_not_exists(#auditId)";
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final Logger FALLBACK = LoggerFactory.getLogger("dev.drsorchestrator.audit.fallback");

    private final Supplier<DynamoDbClient> dynamoDb;
    private final String tableName;
    private final int maxAttempts;
    private final long baseDelayMillis;
    private final Sleeper sleeper;

    /** Waits between attempts; replaced in tests. */
    @FunctionalInterface
    public interface Sleeper {
        /** Sleeps for the given time. */
        void sleep(long millis) throws InterruptedException;
    }

    /** An audit log writing to {@code tableName}; the client is obtained on first write. */
    public AuditLog(Supplier<DynamoDbClient> dynamoDb, String tableName) {
        this(dynamoDb, tableName, 4, 50, Thread::sleep);
    }

    /** An audit log with explicit retry settings. */
    public AuditLog(Supplier<DynamoDbClient> dynamoDb, String tableName, int maxAttempts, long baseDelayMillis,
            Sleeper sleeper) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
        this.maxAttempts = maxAttempts;
        this.baseDelayMillis = baseDelayMillis;
        this.sleeper = sleeper;
    }

    /** Writes the record; returns true when it reached the table, false when it went to the fallback log line. */
    public boolean record(AuditRecord record) {
        try {
            PutItemRequest request = PutItemRequest.builder()
                    .tableName(tableName)
                    .item(toItem(record))
                    .conditionExpression(CONDITION)
                    .expressionAttributeNames(Map.of("#auditId", "auditId"))
                    .build();
            for (int attempt = 1; ; attempt++) {
                try {
                    dynamoDb.get().putItem(request);
                    return true;
                } catch (DynamoDbException e) {
                    if (!isThrottling(e) || attempt >= maxAttempts) {
                        throw e;
                    }
                    sleeper.sleep(baseDelayMillis << (attempt - 1));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fallback(record, "interrupted");
        } catch (RuntimeException e) {
            fallback(record, e.getClass().getSimpleName());
        }
        return false;
    }

    /** The DynamoDB item of a record; absent values are omitted so index keys are never empty. */
    public static Map<String, AttributeValue> toItem(AuditRecord record) {
        ObjectNode json = Json.mapper().valueToTree(record);
        json.put("day", record.day());
        json.put("timestamp", record.timestamp().toString());
        ObjectNode compact = Json.mapper().createObjectNode();
        json.fields().forEachRemaining(field -> {
            if (!field.getValue().isNull()) {
                compact.set(field.getKey(), field.getValue());
            }
        });
        return AttributeValues.itemFromJson(compact);
    }

    private static boolean isThrottling(DynamoDbException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.isThrottlingException()
                || e instanceof ProvisionedThroughputExceededException
                || e instanceof RequestLimitExceededException
                || "ProvisionedThroughputExceededException".equals(code)
                || "RequestLimitExceeded".equals(code)
                || "ThrottlingException".equals(code);
    }

    private void fallback(AuditRecord record, String reason) {
        LOG.error("Audit record {} could not be written to the audit table ({}); logging it instead",
                record.auditId(), reason);
        FALLBACK.warn("AUDIT_RECORD {}", Json.write(record));
    }
}
