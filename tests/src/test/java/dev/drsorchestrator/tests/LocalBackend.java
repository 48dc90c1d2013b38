package dev.drsorchestrator.tests;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.local.dynamodb.LocalDynamoDb;
import dev.drsorchestrator.local.dynamodb.TableCreator;
import dev.drsorchestrator.shared.aws.AttributeValues;
import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.json.Json;
import dev.drsorchestrator.shared.testing.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * The backend of handler integration tests: DynamoDB Local on loopback with every table of the template created under
 * a fresh prefix, the environment a handler needs to reach it over HTTP, and helpers to invoke a handler and read its
 * audit records back.
 */
public final class LocalBackend {
    private final DynamoDbClient client;
    private final Map<String, String> tables;
    private final Map<String, String> env;

    private LocalBackend(DynamoDbClient client, Map<String, String> tables, Map<String, String> env) {
        this.client = client;
        this.tables = tables;
        this.env = env;
    }

    /** Starts (or reuses) DynamoDB Local and creates every table under a new prefix. */
    public static LocalBackend start(String functionName) {
        LocalDynamoDb dynamoDb = LocalDynamoDb.shared();
        DynamoDbClient client = dynamoDb.client();
        Map<String, String> tables = TableCreator.createAll(client, "it-" + UUID.randomUUID().toString().substring(0, 8));
        Map<String, String> env = new HashMap<>(tables);
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", "local");
        env.put("AWS_SECRET_ACCESS_KEY", "local");
        env.put("AWS_ACCOUNT_ID", "111122223333");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb.endpoint().toString());
        env.put("AWS_LAMBDA_FUNCTION_NAME", functionName);
        env.put("ENVIRONMENT", "it");
        env.put("ALLOWED_ORIGIN", "https://console.example.com");
        env.put("LOG_FORMAT", "text");
        return new LocalBackend(client, tables, Map.copyOf(env));
    }

    /** The environment a handler is built from. */
    public Env env() {
        return Env.of(env);
    }

    /** Created table names by environment variable. */
    public Map<String, String> tables() {
        return tables;
    }

    /** Invokes a handler with raw event bytes and parses its output. */
    public static JsonNode invoke(RequestStreamHandler handler, byte[] event, String requestId, String function)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event), out, new TestContext(requestId, function));
        return Json.mapper().readTree(out.toByteArray());
    }

    /** The audit records of a request id, read back from the audit table over HTTP. */
    public List<JsonNode> auditRecords(String requestId) {
        ScanRequest scan = ScanRequest.builder()
                .tableName(tables.get("AUDIT_LOG_TABLE"))
                .filterExpression("#r = :r")
                .expressionAttributeNames(Map.of("#r", "requestId"))
                .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(requestId)))
                .consistentRead(true)
                .build();
        return client.scanPaginator(scan).items().stream().map(item -> (JsonNode) AttributeValues.itemToJson(item))
                .toList();
    }
}
