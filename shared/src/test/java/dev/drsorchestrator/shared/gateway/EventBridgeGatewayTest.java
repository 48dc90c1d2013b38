package dev.drsorchestrator.shared.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.PutRuleRequest;
import software.amazon.awssdk.services.eventbridge.model.PutRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eventbridge.model.RuleState;

class EventBridgeGatewayTest {
    private final EventBridgeClient events = mock(EventBridgeClient.class);
    private final EventBridgeGateway gateway = new EventBridgeGateway(events);

    @Test
    @SuppressWarnings("unchecked")
    void putRule_shouldSendScheduleAndState_whenCreatingADisabledSchedule() {
        // GIVEN EventBridge records the request
        List<PutRuleRequest> sent = new ArrayList<>();
        when(events.putRule(any(Consumer.class))).thenAnswer(call -> {
            PutRuleRequest.Builder b = PutRuleRequest.builder();
            ((Consumer<PutRuleRequest.Builder>) call.getArgument(0)).accept(b);
            sent.add(b.build());
            return PutRuleResponse.builder().ruleArn("arn:aws:events:us-east-1:111111111111:rule/tag-sync").build();
        });

        // WHEN a disabled hourly schedule is put
        String arn = gateway.putRule("tag-sync", "rate(1 hour)", false, "Tag sync");

        // THEN the exact schedule and state were sent
        assertThat(arn).endsWith("rule/tag-sync");
        assertThat(sent).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo("tag-sync");
            assertThat(r.scheduleExpression()).isEqualTo("rate(1 hour)");
            assertThat(r.state()).isEqualTo(RuleState.DISABLED);
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void describeRule_shouldReturnScheduleAndState_whenTheRuleExists() {
        when(events.describeRule(any(Consumer.class))).thenReturn(DescribeRuleResponse.builder().name("tag-sync")
                .arn("arn:rule").scheduleExpression("rate(4 hours)").state(RuleState.ENABLED).build());

        EventBridgeGateway.RuleInfo rule = gateway.describeRule("tag-sync");

        assertThat(rule).isEqualTo(new EventBridgeGateway.RuleInfo("tag-sync", "arn:rule", "rate(4 hours)", "ENABLED",
                null));
    }

    @Test
    @SuppressWarnings("unchecked")
    void enableRule_shouldFailAsNotFound_whenTheRuleIsMissing() {
        when(events.enableRule(any(Consumer.class))).thenThrow(ResourceNotFoundException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException")
                        .errorMessage("Rule tag-sync does not exist").build()).build());

        assertThatThrownBy(() -> gateway.enableRule("tag-sync"))
                .isInstanceOfSatisfying(AwsCallFailure.NotFound.class, f -> {
                    assertThat(f.operation()).isEqualTo("EnableRule");
                    assertThat(f.retryable()).isFalse();
                });
    }
}
