package dev.drsorchestrator.tests.localruntime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.local.runtime.LocalRuntime;
import dev.drsorchestrator.local.runtime.LocalRuntimeOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.eventbridge.model.Target;

/**
 * EventBridge on the runtime's AWS endpoint, driven by the real SDK v2 EventBridgeClient: rules put through the API
 * fire on the simulator's (frozen, hand-advanced) clock and invoke the in-process handler, which audits the call.
 */
class EventBridgeSchedulesIT {
    private static LocalRuntime runtime;
    private static EventBridgeClient events;
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void start() {
        runtime = LocalRuntime.start(LocalRuntimeOptions.forTests(), List.of());
        events = AwsClientsForRuntime.events(runtime.awsEndpoint());
        dynamo = DynamoDbClient.builder().endpointOverride(runtime.dynamoDbEndpoint())
                .region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder())
                .build();
    }

    @AfterAll
    static void stop() {
        events.close();
        dynamo.close();
        runtime.close();
    }

    @Test
    void rule_shouldInvokeTargetHandlerWithRuleAsCaller_whenClockPassesItsRate() throws InterruptedException {
        // GIVEN an enabled rate rule targeting query-handler with a constant input
        String name = "it-health-" + UUID.randomUUID().toString().substring(0, 8);
        String ruleArn = events.putRule(b -> b.name(name).scheduleExpression("rate(5 minutes)")
                .state(RuleState.ENABLED).description("health probe")).ruleArn();
        events.putTargets(b -> b.rule(name).targets(Target.builder().id("query").arn(
                "arn:aws:lambda:us-east-1:" + runtime.context().hubAccountId() + ":function:query-handler")
                .input("{\"operation\":\"health\"}").build()));
        assertThat(auditRecordsBy(ruleArn)).isEmpty();

        // WHEN simulated time passes the rate
        runtime.context().simulator().clock().advance(Duration.ofMinutes(6));
        runtime.scheduler().fireDue();

        // THEN query-handler ran the operation once, with the rule ARN as its caller
        List<Map<String, AttributeValue>> records = awaitAuditRecordsBy(ruleArn);
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("operation").s()).isEqualTo("health");
        assertThat(records.get(0).get("invocationMode").s()).isEqualTo("DIRECT_LAMBDA");
    }

    @Test
    void disabledRule_shouldNotFire_andDescribeRuleShouldSayDisabled() {
        // GIVEN a rule that is put and then disabled
        String name = "it-off-" + UUID.randomUUID().toString().substring(0, 8);
        events.putRule(b -> b.name(name).scheduleExpression("cron(0/10 * * * ? *)").state(RuleState.ENABLED));
        events.putTargets(b -> b.rule(name).targets(Target.builder().id("q").arn("query-handler")
                .input("{\"operation\":\"health\"}").build()));
        events.disableRule(b -> b.name(name));

        // WHEN simulated time passes several firings
        runtime.context().simulator().clock().advance(Duration.ofMinutes(30));

        // THEN it does not fire, and the API reports it as AWS does
        DescribeRuleResponse described = events.describeRule(b -> b.name(name));
        assertThat(described.state()).isEqualTo(RuleState.DISABLED);
        assertThat(described.scheduleExpression()).isEqualTo("cron(0/10 * * * ? *)");
        assertThat(runtime.context().eventRules().find(described.arn()).orElseThrow().nextFire()).isNull();
        assertThat(events.listTargetsByRule(b -> b.rule(name)).targets()).extracting(Target::arn)
                .containsExactly("query-handler");
        assertThat(events.listRules(b -> b.namePrefix(name)).rules()).hasSize(1);

        // AND enabling it schedules it again from now
        events.enableRule(b -> b.name(name));
        assertThat(runtime.context().eventRules().find(described.arn()).orElseThrow().nextFire())
                .isAfter(runtime.context().simulator().clock().now());
    }

    @Test
    void api_shouldAnswerAwsErrors_forBadScheduleAndUnknownRule() {
        // WHEN a malformed schedule is put and an unknown rule is described
        // THEN EventBridge's error codes come back
        assertThatThrownBy(() -> events.putRule(b -> b.name("it-bad").scheduleExpression("rate(0 minutes)")))
                .hasMessageContaining("ScheduleExpression")
                .isInstanceOfSatisfying(software.amazon.awssdk.services.eventbridge.model.EventBridgeException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"));
        assertThatThrownBy(() -> events.describeRule(b -> b.name("it-no-such-rule")))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageContaining("Rule it-no-such-rule does not exist");
    }

    private static List<Map<String, AttributeValue>> awaitAuditRecordsBy(String principalArn)
            throws InterruptedException {
        // The audit record is written by the invocation itself; poll until it is visible, bounded generously.
        for (int attempt = 0; attempt < 300; attempt++) {
            List<Map<String, AttributeValue>> records = auditRecordsBy(principalArn);
            if (!records.isEmpty()) {
                return records;
            }
            Thread.sleep(100);
        }
        return auditRecordsBy(principalArn);
    }

    private static List<Map<String, AttributeValue>> auditRecordsBy(String principalArn) {
        String table = runtime.context().tables().get("AUDIT_LOG_TABLE");
        return dynamo.scan(b -> b.tableName(table).consistentRead(true)).items().stream()
                .filter(item -> item.containsKey("principalArn") && principalArn.equals(item.get("principalArn").s()))
                .toList();
    }
}
