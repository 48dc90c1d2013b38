package dev.drsorchestrator.tests.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.local.sim.FaultRule;
import dev.drsorchestrator.local.sim.scenario.Scenarios;
import dev.drsorchestrator.shared.error.ConflictException;
import dev.drsorchestrator.shared.error.QuotaExceededException;
import dev.drsorchestrator.shared.gateway.AccountContext;
import dev.drsorchestrator.shared.gateway.AwsCallFailure;
import dev.drsorchestrator.shared.gateway.AwsErrorType;
import dev.drsorchestrator.shared.gateway.SnsGateway;
import dev.drsorchestrator.shared.gateway.SourceServerQuery;
import dev.drsorchestrator.shared.gateway.StsGateway;
import dev.drsorchestrator.tests.support.TestStack;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatewayFailuresIT {
    private static final String HUB = "111111111111";
    private static final String TARGET = DrsGatewayIT.TARGET;
    private static final String REGION = "us-east-1";
    private static TestStack stack;

    @BeforeAll
    static void start() {
        stack = TestStack.start(Scenarios.demo());
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @BeforeEach
    void reload() {
        stack.sim().loadScenario(Scenarios.demo());
    }

    private static AwsCallFailure describeFails() {
        try {
            stack.gateways().drs(DrsGatewayIT.TARGET_CONTEXT, REGION).describeSourceServers(SourceServerQuery.all());
        } catch (AwsCallFailure failure) {
            return failure;
        }
        throw new AssertionError("DescribeSourceServers was expected to fail");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ThrottlingException,           Throttled,     THROTTLING,             true",
            "AccessDeniedException,         Denied,        ACCESS_DENIED,          false",
            "UnrecognizedClientException,   Denied,        UNRECOGNIZED_CLIENT,    false",
            "UninitializedAccountException, Denied,        CLIENT_ERROR,           false",
            "ValidationException,           Rejected,      INVALID_REQUEST,        false",
            "ServiceQuotaExceededException, QuotaExceeded, SERVICE_QUOTA_EXCEEDED, false",
            "InternalServerException,       ServerError,   INTERNAL_SERVER,        true",
            "ConflictException,             Conflict,      CLIENT_ERROR,           false",
            "ResourceNotFoundException,     NotFound,      CLIENT_ERROR,           false"})
    void describeSourceServers_shouldSurfaceTheFaultAsItsFailureType_whenDrsAnswersWithAnError(
            String code, String failureType, AwsErrorType errorType, boolean retryable) {
        // GIVEN DRS in the target account answers every DescribeSourceServers with this error
        stack.sim().faults().inject(FaultRule.error("drs", "DescribeSourceServers", code).forAccount(TARGET));

        // WHEN the gateway calls it
        AwsCallFailure failure = describeFails();

        // THEN the failure names service, operation and code, with the right type and retryable flag
        assertThat(failure.getClass().getSimpleName()).isEqualTo(failureType);
        assertThat(failure.service()).isEqualTo("drs");
        assertThat(failure.operation()).isEqualTo("DescribeSourceServers");
        assertThat(failure.errorCode()).isEqualTo(code);
        assertThat(failure.errorType()).isEqualTo(errorType);
        assertThat(failure.retryable()).isEqualTo(retryable);
        assertThat(failure.statusCode()).isPresent();
    }

    @Test
    void throttling_shouldCarryRetryAfterAndMapTo429_whenDrsSaysHowLongToWait() {
        // GIVEN throttling with a retry-after of 7 seconds
        stack.sim().faults().inject(FaultRule.error("drs", "DescribeSourceServers", "ThrottlingException")
                .forAccount(TARGET).withRetryAfter(7));

        // WHEN the gateway calls DRS
        AwsCallFailure failure = describeFails();

        // THEN the wait is reported and a handler would answer 429
        assertThat(failure.retryAfterSeconds()).contains(7L);
        assertThat(failure.toClientError("Source servers")).get().isInstanceOf(QuotaExceededException.class);
    }

    @Test
    void conflict_shouldMapToConflictException_whenAHandlerAskedForOneThing() {
        // GIVEN StartRecovery conflicts
        stack.sim().faults().inject(FaultRule.error("drs", "StartRecovery", "ConflictException").forAccount(TARGET));
        String id = stack.sim().fleet().sourceServers(TARGET, REGION).get(0).id();

        // WHEN a recovery is started THEN the failure maps to a 409
        assertThatThrownBy(() -> stack.gateways().drs(DrsGatewayIT.TARGET_CONTEXT, REGION)
                .startRecovery(List.of(id), true, Map.of()))
                .isInstanceOfSatisfying(AwsCallFailure.Conflict.class, f -> assertThat(f.toClientError("Server " + id))
                        .get().isInstanceOf(ConflictException.class));
    }

    @Test
    void droppedConnection_shouldSurfaceAsRetryableTransportFailure_whenNoResponseArrives() {
        // GIVEN the simulator drops DescribeSourceServers connections
        stack.sim().faults().inject(FaultRule.drop("drs", "DescribeSourceServers").forAccount(TARGET));

        // WHEN the gateway calls DRS
        AwsCallFailure failure = describeFails();

        // THEN it is a retryable transport failure of seed type UnexpectedError
        assertThat(failure).isInstanceOf(AwsCallFailure.Transport.class);
        assertThat(failure.retryable()).isTrue();
        assertThat(failure.errorType()).isEqualTo(AwsErrorType.UNEXPECTED);
        assertThat(failure.statusCode()).isEmpty();
    }

    @Test
    void uninitializedRegion_shouldFailAsDenied_whenDrsWasNeverInitializedThere() {
        // WHEN the target is queried in a region where DRS was never initialized
        assertThatThrownBy(() -> stack.gateways().drs(DrsGatewayIT.TARGET_CONTEXT, "sa-east-1")
                .describeSourceServers(SourceServerQuery.all()))
                // THEN the failure is not retryable
                .isInstanceOfSatisfying(AwsCallFailure.Denied.class, f -> {
                    assertThat(f.errorCode()).isEqualTo("UninitializedAccountException");
                    assertThat(f.retryable()).isFalse();
                });
    }

    @Test
    void crossAccount_shouldAssumeTheRole_whenTheExternalIdMatches() {
        // WHEN the target context asks STS who it is
        StsGateway.CallerIdentity identity = stack.gateways().sts(DrsGatewayIT.TARGET_CONTEXT, REGION)
                .getCallerIdentity();

        // THEN the calls run as the assumed role in the target account, and AssumeRole went to the hub's STS once
        assertThat(identity.account()).isEqualTo(TARGET);
        assertThat(identity.arn()).contains("assumed-role/DRSOrchestrationRole");
        assertThat(stack.sim().counters().calls(HUB, REGION, "sts", "AssumeRole")).isEqualTo(1);
    }

    @Test
    void crossAccount_shouldFailAsAccessDenied_whenTheExternalIdIsWrong() {
        // GIVEN the right external id works (and its credentials are cached)
        assertThat(stack.gateways().sts(DrsGatewayIT.TARGET_CONTEXT, REGION).getCallerIdentity().account())
                .isEqualTo(TARGET);
        AccountContext wrong = AccountContext.target(TARGET, "DRSOrchestrationRole", "not-the-external-id");

        // WHEN a context with a wrong external id calls DRS THEN AssumeRole is denied, not retryable
        assertThatThrownBy(() -> stack.gateways().drs(wrong, REGION).describeSourceServers(SourceServerQuery.all()))
                .isInstanceOfSatisfying(AwsCallFailure.Denied.class, f -> {
                    assertThat(f.service()).isEqualTo("sts");
                    assertThat(f.operation()).isEqualTo("AssumeRole");
                    assertThat(f.errorCode()).isEqualTo("AccessDenied");
                    assertThat(f.errorType()).isEqualTo(AwsErrorType.ACCESS_DENIED);
                    assertThat(f.retryable()).isFalse();
                });
        assertThat(stack.sim().counters().calls(TARGET, REGION, "drs", "DescribeSourceServers")).isZero();
    }

    @Test
    void crossAccount_shouldFailAsAccessDenied_whenTheTargetRefusesAssumeRole() {
        // GIVEN the target refuses every AssumeRole, while the hub works
        stack.sim().faults().failAssumeRole("222222222222");
        AccountContext target = AccountContext.target(TARGET, "arn:aws:iam::222222222222:role/DRSOrchestrationRole",
                "drs-orchestrator-222222222222-rotated");

        // WHEN the target is called THEN it is denied, and the hub is unaffected
        assertThatThrownBy(() -> stack.gateways().drs(target, REGION).listStagingAccounts())
                .isInstanceOf(AwsCallFailure.Denied.class);
        assertThat(stack.gateways().drs(AccountContext.hub(), REGION).describeSourceServers(SourceServerQuery.all()))
                .hasSize(stack.sim().fleet().sourceServers(HUB, REGION).size());
    }

    @Test
    void publish_shouldReturnPublished_whenTheTopicExists() {
        // GIVEN a topic in the hub
        String topic = stack.sim().fleet().createTopic(HUB, REGION, "drs-notifications");

        // WHEN a message is published with a long subject and attributes
        SnsGateway.PublishResult result = stack.gateways().sns().publish(topic, "x".repeat(150), "Wave 1 completed",
                Map.of("executionId", "ex-1"));

        // THEN SNS accepted it with the subject cut to 100 characters
        assertThat(result).isInstanceOf(SnsGateway.PublishResult.Published.class);
        assertThat(stack.sim().snsMessages()).singleElement().satisfies(m -> {
            assertThat(m.subject()).hasSize(100);
            assertThat(m.message()).isEqualTo("Wave 1 completed");
            assertThat(m.attributes()).containsEntry("executionId", "ex-1");
        });
    }

    @Test
    void publish_shouldReturnFailedWithoutThrowing_whenTheTopicDoesNotExist() {
        // WHEN a message goes to a missing topic
        SnsGateway.PublishResult result = stack.gateways().sns().publish(
                "arn:aws:sns:us-east-1:111111111111:missing", "subject", "message", Map.of());

        // THEN the failure is a result, not an exception
        assertThat(result).isInstanceOfSatisfying(SnsGateway.PublishResult.Failed.class, f -> {
            assertThat(f.errorCode()).isEqualTo("NotFound");
            assertThat(f.retryable()).isFalse();
        });
    }
}
