package dev.drsorchestrator.shared.testing;

import dev.drsorchestrator.shared.audit.AuditLog;
import dev.drsorchestrator.shared.audit.AuditRecorder;
import dev.drsorchestrator.shared.aws.AwsClients;
import dev.drsorchestrator.shared.aws.CrossAccount;
import dev.drsorchestrator.shared.config.Env;
import dev.drsorchestrator.shared.handler.CoreServices;
import dev.drsorchestrator.shared.handler.Pagination;
import dev.drsorchestrator.shared.handler.Responses;
import dev.drsorchestrator.shared.security.AuthorizedRolePatterns;
import dev.drsorchestrator.shared.security.Rbac;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@link CoreServices} for unit tests: a fixed environment, the audit log writing to the given (usually mocked)
 * DynamoDB client without retry delays, default RBAC and role patterns.
 */
public final class TestServices {
    /** The environment of unit tests. */
    public static final Map<String, String> ENV = Map.of(
            "AWS_REGION", "us-east-1",
            "AWS_ACCOUNT_ID", "111122223333",
            "AWS_ACCESS_KEY_ID", "test",
            "AWS_SECRET_ACCESS_KEY", "test",
            "AUDIT_LOG_TABLE", "drs-audit-log-test",
            "ENVIRONMENT", "test",
            "ALLOWED_ORIGIN", "https://console.example.com");

    private TestServices() {
    }

    /** Services whose audit log writes to {@code auditDynamoDb}, with extra environment entries. */
    public static CoreServices create(DynamoDbClient auditDynamoDb, Map<String, String> extraEnv) {
        Map<String, String> values = new HashMap<>(ENV);
        values.putAll(extraEnv);
        Env env = Env.of(values);
        Clock clock = Clock.systemUTC();
        AwsClients clients = new AwsClients(env);
        AuditLog log = new AuditLog(() -> auditDynamoDb, env.required("AUDIT_LOG_TABLE"), 3, 0, millis -> { });
        return new CoreServices(env, clients, new CrossAccount(clients::sts, env, clock), Rbac.withDefaultAliases(),
                new AuthorizedRolePatterns(AuthorizedRolePatterns.DEFAULT_PATTERNS), new AuditRecorder(log, env, clock),
                new Responses(env.required("ALLOWED_ORIGIN")),
                new Pagination("unit-test-key".getBytes(StandardCharsets.UTF_8)), clock);
    }

    /** Services with the default test environment. */
    public static CoreServices create(DynamoDbClient auditDynamoDb) {
        return create(auditDynamoDb, Map.of());
    }
}
