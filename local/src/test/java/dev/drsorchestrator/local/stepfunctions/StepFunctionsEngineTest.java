package dev.drsorchestrator.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StepFunctionsEngineTest {

    private static final String WAIT_FOR_TOKEN = AslHarness.asl("{'StartAt':'T','States':{'T':{'Type':'Task',"
            + "'Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',"
            + "'Parameters':{'FunctionName':'f','Payload':{'t.$':'$$.Task.Token'}},'End':true}}}");

    @Test
    void startExecution_shouldRefuseWithExecutionLimitExceeded_whenWorkersAndQueueAreFull()
            throws InterruptedException {
        // GIVEN one worker, held by an execution waiting for its token
        CountDownLatch invoked = new CountDownLatch(1);
        StepFunctionsEngine.Settings oneWorker = new StepFunctionsEngine.Settings("us-east-1", "000000000000", 1, 1);
        try (StepFunctionsEngine engine = new StepFunctionsEngine((name, payload) -> {
            invoked.countDown();
            return new LambdaResult.Success(AslHarness.json("{}"));
        }, new VirtualStepClock(AslHarness.T0), oneWorker)) {
            String machine = engine.createStateMachine("m", WAIT_FOR_TOKEN, AslHarness.ROLE).stateMachineArn();
            engine.startExecution(machine, "first", "{}");
            assertThat(invoked.await(60, TimeUnit.SECONDS)).isTrue();

            // WHEN the queue fills up
            for (int i = 0; i < StepFunctionsEngine.QUEUED_EXECUTIONS; i++) {
                engine.startExecution(machine, "queued-" + i, "{}");
            }

            // THEN one more is refused, and the queued ones are RUNNING
            assertThatThrownBy(() -> engine.startExecution(machine, "one-too-many", "{}"))
                    .isInstanceOfSatisfying(StepFunctionsException.class,
                            e -> assertThat(e.code()).isEqualTo("ExecutionLimitExceeded"));
            assertThat(engine.listExecutions(machine, ExecutionStatus.RUNNING))
                    .hasSize(StepFunctionsEngine.QUEUED_EXECUTIONS + 1);
            assertThat(engine.describeExecution(machine.replace("stateMachine:m", "execution:m:one-too-many")))
                    .isEmpty();
        }
    }

    @Test
    void startExecution_shouldReturnTheRunningExecution_whenNameAndInputAreRepeated() {
        try (AslHarness harness = new AslHarness()) {
            harness.function("f", payload -> new LambdaResult.Success(AslHarness.json("{}")));
            String machine = harness.engine.createStateMachine("m", WAIT_FOR_TOKEN, AslHarness.ROLE)
                    .stateMachineArn();
            ExecutionSnapshot first = harness.engine.startExecution(machine, "same", "{\"a\":1}");
            ExecutionSnapshot again = harness.engine.startExecution(machine, "same", "{ \"a\" : 1 }");
            assertThat(again.executionArn()).isEqualTo(first.executionArn());
            assertThat(again.startDate()).isEqualTo(first.startDate());
        }
    }

    @Test
    void settings_shouldRejectImplausibleValues() {
        assertThatThrownBy(() -> new StepFunctionsEngine.Settings("mars", "000000000000", 1, 1))
                .hasMessageContaining("region");
        assertThatThrownBy(() -> new StepFunctionsEngine.Settings("us-east-1", "42", 1, 1))
                .hasMessageContaining("accountId");
        assertThatThrownBy(() -> new StepFunctionsEngine.Settings("us-east-1", "000000000000", 0, 1))
                .hasMessageContaining("concurrency");
    }
}
