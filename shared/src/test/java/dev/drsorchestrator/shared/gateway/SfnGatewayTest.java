package dev.drsorchestrator.shared.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;

class SfnGatewayTest {
    private final SfnClient sfn = mock(SfnClient.class);
    private final SfnGateway gateway = new SfnGateway(sfn);

    @Test
    @SuppressWarnings("unchecked")
    void startExecution_shouldSendNameAndInput_whenStartingAPlan() {
        // GIVEN Step Functions accepts the start
        when(sfn.startExecution(any(Consumer.class))).thenAnswer(call -> {
            StartExecutionRequest.Builder b = StartExecutionRequest.builder();
            ((Consumer<StartExecutionRequest.Builder>) call.getArgument(0)).accept(b);
            StartExecutionRequest request = b.build();
            assertThat(request.stateMachineArn()).isEqualTo("arn:aws:states:us-east-1:111111111111:stateMachine:sm");
            assertThat(request.name()).isEqualTo("ex-1");
            assertThat(request.input()).isEqualTo("{\"executionId\":\"ex-1\"}");
            return StartExecutionResponse.builder().executionArn("arn:exec:ex-1").build();
        });

        // WHEN an execution starts
        String arn = gateway.startExecution("arn:aws:states:us-east-1:111111111111:stateMachine:sm", "ex-1",
                "{\"executionId\":\"ex-1\"}");

        // THEN its ARN is returned
        assertThat(arn).isEqualTo("arn:exec:ex-1");
        verify(sfn).startExecution(any(Consumer.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void startExecution_shouldFailAsConflict_whenTheNameWasUsed() {
        // GIVEN Step Functions already ran an execution with that name
        when(sfn.startExecution(any(Consumer.class))).thenThrow(ExecutionAlreadyExistsException.builder()
                .statusCode(400).awsErrorDetails(AwsErrorDetails.builder().errorCode("ExecutionAlreadyExists")
                        .errorMessage("Execution already exists").build()).build());

        // WHEN / THEN the failure is a non-retryable conflict
        assertThatThrownBy(() -> gateway.startExecution("arn:sm", "ex-1", "{}"))
                .isInstanceOfSatisfying(AwsCallFailure.Conflict.class, f -> {
                    assertThat(f.service()).isEqualTo("sfn");
                    assertThat(f.operation()).isEqualTo("StartExecution");
                    assertThat(f.retryable()).isFalse();
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void sendTaskSuccess_shouldFailAsNotFound_whenTheTokenIsUnknown() {
        // GIVEN the task token is no longer waiting
        when(sfn.sendTaskSuccess(any(Consumer.class))).thenThrow(TaskDoesNotExistException.builder()
                .statusCode(400).awsErrorDetails(AwsErrorDetails.builder().errorCode("TaskDoesNotExist")
                        .errorMessage("Task does not exist").build()).build());

        // WHEN / THEN resuming fails as not found
        assertThatThrownBy(() -> gateway.sendTaskSuccess("token", "{}"))
                .isInstanceOf(AwsCallFailure.NotFound.class);
        verify(sfn).sendTaskSuccess(any(Consumer.class));
    }
}
