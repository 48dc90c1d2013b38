package dev.drsorchestrator.local.stepfunctions;

import static dev.drsorchestrator.local.stepfunctions.AslHarness.T0;
import static dev.drsorchestrator.local.stepfunctions.AslHarness.json;
import static dev.drsorchestrator.local.stepfunctions.AslHarness.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskSemanticsTest {

    private final AslHarness harness = new AslHarness();
    private final BlockingQueue<String> tokens = new LinkedBlockingQueue<>();

    @AfterEach
    void close() {
        harness.close();
    }

    private static LambdaResult error(String type) {
        return new LambdaResult.FunctionError(type, "boom");
    }

    private static String task(String extra) {
        return "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                + "'Parameters':{'FunctionName':'fn','Payload.$':'$'}" + extra + "},"
                + "'Handled':{'Type':'Pass','End':true}}}";
    }

    private String tokenTask(String extra) {
        harness.function("approve", payload -> {
            tokens.add(payload.get("token").asText());
            return ok("{}");
        });
        return "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken',"
                + "'Parameters':{'FunctionName':'approve','Payload':{'token.$':'$$.Task.Token'}}" + extra + "},"
                + "'Handled':{'Type':'Pass','End':true}}}";
    }

    private String nextToken() throws InterruptedException {
        String token = tokens.poll(60, TimeUnit.SECONDS);
        assertThat(token).as("the task published its token").isNotNull();
        return token;
    }

    @Test
    void retry_shouldBackOffOnTheClock_whenTheFunctionKeepsFailing() throws InterruptedException {
        // GIVEN a function that always fails and a retrier of 2 s, x3, backoff 2
        harness.function("fn", payload -> error("Lambda.ServiceException"));

        // WHEN the task runs
        ExecutionSnapshot done = harness.run(task(",'Retry':[{'ErrorEquals':['Lambda.ServiceException'],"
                + "'IntervalSeconds':2,'MaxAttempts':3,'BackoffRate':2.0}],'End':true"), "{}");

        // THEN it was tried at 0, 2, 6, 14 s and the execution failed with the function's error
        assertThat(harness.calls).extracting(AslHarness.Call::at).containsExactly(
                T0, T0.plusSeconds(2), T0.plusSeconds(6), T0.plusSeconds(14));
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).contains("Lambda.ServiceException");
        assertThat(json(done.cause().orElseThrow()).get("errorMessage").asText()).isEqualTo("boom");
        assertThat(harness.events(done.executionArn(), "TaskFailed")).hasSize(4);
    }

    @Test
    void retry_shouldCapTheDelay_whenMaxDelaySecondsIsSet() throws InterruptedException {
        harness.function("fn", payload -> error("Lambda.TooManyRequestsException"));
        harness.run(task(",'Retry':[{'ErrorEquals':['States.TaskFailed'],'IntervalSeconds':2,'MaxAttempts':3,"
                + "'BackoffRate':3,'MaxDelaySeconds':5}],'End':true"), "{}");
        assertThat(harness.calls).extracting(AslHarness.Call::at).containsExactly(
                T0, T0.plusSeconds(2), T0.plusSeconds(7), T0.plusSeconds(12));
    }

    @Test
    void retry_shouldSucceed_whenTheFunctionRecoversWithinMaxAttempts() throws InterruptedException {
        AtomicInteger attempt = new AtomicInteger();
        harness.function("fn", payload -> attempt.incrementAndGet() < 3 ? error("Lambda.SdkClientException")
                : ok("{\"done\":true}"));
        ExecutionSnapshot done = harness.run(task(",'Retry':[{'ErrorEquals':['States.ALL']}],"
                + "'ResultSelector':{'done.$':'$.Payload.done'},'End':true"), "{}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).contains("{\"done\":true}");
        assertThat(harness.calls).extracting(AslHarness.Call::at).containsExactly(T0, T0.plusSeconds(1),
                T0.plusSeconds(3));
    }

    @Test
    void retry_shouldNotFallThroughToLaterRetriers_whenTheMatchingOneIsExhausted() throws InterruptedException {
        harness.function("fn", payload -> error("Wave.Busy"));
        ExecutionSnapshot done = harness.run(task(",'Retry':[{'ErrorEquals':['Wave.Busy'],'MaxAttempts':1},"
                + "{'ErrorEquals':['States.ALL'],'MaxAttempts':5}],'End':true"), "{}");
        assertThat(harness.calls).hasSize(2);
        assertThat(done.error()).contains("Wave.Busy");
    }

    @Test
    void retry_shouldNotRetry_whenMaxAttemptsIsZero() throws InterruptedException {
        harness.function("fn", payload -> error("Wave.Busy"));
        harness.run(task(",'Retry':[{'ErrorEquals':['Wave.Busy'],'MaxAttempts':0}],'End':true"), "{}");
        assertThat(harness.calls).hasSize(1);
    }

    @Test
    void catch_shouldPutTheErrorAtResultPathAndContinue_whenAnErrorMatches() throws InterruptedException {
        // GIVEN a function failing with its own error type and a Catch on it
        harness.function("fn", payload -> error("WaveStartError"));

        // WHEN the task runs
        ExecutionSnapshot done = harness.run(task(",'Catch':[{'ErrorEquals':['Other'],'Next':'Handled'},"
                + "{'ErrorEquals':['WaveStartError'],'ResultPath':'$.error','Next':'Handled'}],'End':true"),
                "{\"planId\":\"p\"}");

        // THEN the execution continued at Handled with the error output beside the input
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        JsonNode out = json(done.output().orElseThrow());
        assertThat(out.get("planId").asText()).isEqualTo("p");
        assertThat(out.get("error").get("Error").asText()).isEqualTo("WaveStartError");
        assertThat(json(out.get("error").get("Cause").asText()).get("errorType").asText()).isEqualTo("WaveStartError");
    }

    @Test
    void catch_shouldNotCatchStatesRuntime_evenWithStatesAll() throws InterruptedException {
        ExecutionSnapshot done = harness.run("{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke','Parameters':{'FunctionName.$':'$.missing'},"
                + "'Retry':[{'ErrorEquals':['States.ALL']}],"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'H'}],'End':true},'H':{'Type':'Succeed'}}}", "{}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).contains("States.Runtime");
        assertThat(harness.calls).isEmpty();
    }

    @Test
    void task_shouldMapAThrowingInvokerToLambdaServiceException() throws InterruptedException {
        harness.function("fn", payload -> {
            throw new IllegalStateException("socket closed");
        });
        ExecutionSnapshot done = harness.run(task(",'End':true"), "{}");
        assertThat(done.error()).contains("Lambda.ServiceException");
    }

    @Test
    void timeout_shouldFailTheTask_whenTheFunctionRunsLongerThanTimeoutSeconds() throws InterruptedException {
        // GIVEN a function that takes 400 s of clock time and a 300 s timeout, retried on TaskFailed only
        harness.function("fn", payload -> {
            harness.clock.advance(Duration.ofSeconds(400));
            return ok("{}");
        });

        // WHEN the task runs
        ExecutionSnapshot done = harness.run(task(",'TimeoutSeconds':300,"
                + "'Retry':[{'ErrorEquals':['States.TaskFailed']}],"
                + "'Catch':[{'ErrorEquals':['States.Timeout'],'Next':'Handled'}],'End':true"), "{}");

        // THEN the timeout was not retried as a task failure but caught as States.Timeout
        assertThat(harness.calls).hasSize(1);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(json(done.output().orElseThrow()).get("Error").asText()).isEqualTo("States.Timeout");
        assertThat(harness.events(done.executionArn(), "TaskTimedOut")).hasSize(1);
    }

    @Test
    void waitForTaskToken_shouldResumeWithTheSentOutput_whenSendTaskSuccessArrives() throws InterruptedException {
        // GIVEN an execution waiting for its token
        String arn = harness.start(tokenTask(",'ResultPath':'$.approval','End':true"), "{\"planId\":\"p\"}");
        String token = nextToken();

        // WHEN the token is answered
        harness.engine.sendTaskSuccess(token, "{\"approvedBy\":\"ops\"}");

        // THEN the execution continues with the output at ResultPath, and the token is spent
        ExecutionSnapshot done = harness.await(arn);
        assertThat(json(done.output().orElseThrow()))
                .isEqualTo(json("{\"planId\":\"p\",\"approval\":{\"approvedBy\":\"ops\"}}"));
        assertThat(harness.engine.history(arn)).extracting(HistoryEvent::type).contains("TaskSubmitted",
                "TaskSucceeded");
        assertThatThrownBy(() -> harness.engine.sendTaskSuccess(token, "{}"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.code()).isEqualTo("TaskDoesNotExist"));
    }

    @Test
    void waitForTaskToken_shouldFailTheTaskWithTheSentError_whenSendTaskFailureArrives()
            throws InterruptedException {
        String arn = harness.start(tokenTask(",'Catch':[{'ErrorEquals':['Approval.Rejected'],"
                + "'ResultPath':'$.why','Next':'Handled'}],'End':true"), "{}");
        harness.engine.sendTaskFailure(nextToken(), "Approval.Rejected", "not now");
        ExecutionSnapshot done = harness.await(arn);
        assertThat(json(done.output().orElseThrow()).get("why"))
                .isEqualTo(json("{\"Error\":\"Approval.Rejected\",\"Cause\":\"not now\"}"));
    }

    @Test
    void heartbeat_shouldTimeTheTaskOut_whenNoHeartbeatArrivesInTime() throws InterruptedException {
        // GIVEN a token task with a 10 s heartbeat
        String arn = harness.start(tokenTask(",'TimeoutSeconds':100,'HeartbeatSeconds':10,'End':true"), "{}");
        String token = nextToken();
        harness.awaitEvent(arn, "TaskSubmitted");

        // WHEN 11 s pass without a heartbeat
        harness.clock.advance(Duration.ofSeconds(11));

        // THEN the task timed out with States.HeartbeatTimeout and the token is dead
        ExecutionSnapshot done = harness.await(arn);
        assertThat(done.error()).contains("States.HeartbeatTimeout");
        assertThatThrownBy(() -> harness.engine.sendTaskSuccess(token, "{}"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.code()).isEqualTo("TaskTimedOut"));
    }

    @Test
    void heartbeat_shouldKeepTheTaskAlive_whenHeartbeatsArriveInTime() throws InterruptedException {
        String arn = harness.start(tokenTask(",'TimeoutSeconds':100,'HeartbeatSeconds':10,'End':true"), "{}");
        String token = nextToken();
        harness.awaitEvent(arn, "TaskSubmitted");
        harness.clock.advance(Duration.ofSeconds(8));
        harness.engine.sendTaskHeartbeat(token);
        harness.clock.advance(Duration.ofSeconds(8));
        harness.engine.sendTaskHeartbeat(token);
        harness.clock.advance(Duration.ofSeconds(8));
        harness.engine.sendTaskSuccess(token, "\"ok\"");
        ExecutionSnapshot done = harness.await(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(done.output()).contains("\"ok\"");
    }

    @Test
    void heartbeat_shouldStartCounting_whenTheFunctionHasReturned() throws InterruptedException {
        // GIVEN a token task whose function takes 15 s of clock time, with a 10 s heartbeat
        harness.function("slow", payload -> {
            tokens.add(payload.get("token").asText());
            harness.clock.advance(Duration.ofSeconds(15));
            return ok("{}");
        });
        String arn = harness.start("{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken','HeartbeatSeconds':10,"
                + "'Parameters':{'FunctionName':'slow','Payload':{'token.$':'$$.Task.Token'}},'End':true}}}", "{}");
        String token = nextToken();
        harness.awaitEvent(arn, "TaskSubmitted");

        // WHEN the token is answered 5 s after the function returned
        harness.clock.advance(Duration.ofSeconds(5));
        harness.engine.sendTaskSuccess(token, "{}");

        // THEN the task was still alive: 20 s after start, but only 5 s into its heartbeat interval
        assertThat(harness.await(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
    }

    @Test
    void timeout_shouldTimeTheTokenTaskOut_whenTimeoutSecondsPasses() throws InterruptedException {
        String arn = harness.start(tokenTask(",'TimeoutSeconds':30,'End':true"), "{}");
        nextToken();
        harness.awaitEvent(arn, "TaskSubmitted");
        harness.clock.advance(Duration.ofSeconds(31));
        ExecutionSnapshot done = harness.await(arn);
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).contains("States.Timeout");
    }

    @Test
    void executionTimeout_shouldEndTimedOut_whenTheDefinitionTimeoutPasses() throws InterruptedException {
        ExecutionSnapshot done = harness.run("{'StartAt':'W','TimeoutSeconds':60,'States':{'W':{'Type':'Wait',"
                + "'Seconds':120,'End':true}}}", "{}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.TIMED_OUT);
        assertThat(done.error()).contains("States.Timeout");
        assertThat(done.stopDate()).contains(T0.plusSeconds(60));
        assertThat(harness.engine.history(done.executionArn()).get(harness.engine.history(done.executionArn())
                .size() - 1).type()).isEqualTo("ExecutionTimedOut");
    }

    @Test
    void executionTimeout_shouldEndTimedOut_whenATokenTaskOutlivesTheExecution() throws InterruptedException {
        String definition = tokenTask(",'End':true").replace("{'StartAt':'T',", "{'StartAt':'T','TimeoutSeconds':50,");
        String arn = harness.start(definition, "{}");
        nextToken();
        harness.clock.advance(Duration.ofSeconds(50));
        assertThat(harness.await(arn).status()).isEqualTo(ExecutionStatus.TIMED_OUT);
    }

    @Test
    void stop_shouldAbortAWaitingExecutionAndKillItsToken() throws InterruptedException {
        // GIVEN an execution waiting for a token
        String arn = harness.start(tokenTask(",'End':true"), "{}");
        String token = nextToken();

        // WHEN it is stopped
        ExecutionSnapshot stopped = harness.engine.stopExecution(arn, "Operator.Cancel", "cancelled by ops");

        // THEN it is ABORTED with the given error, last event ExecutionAborted, and the token no longer exists
        assertThat(stopped.status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(stopped.error()).contains("Operator.Cancel");
        assertThat(harness.await(arn).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(harness.engine.history(arn)).last().extracting(HistoryEvent::type).isEqualTo("ExecutionAborted");
        assertThatThrownBy(() -> harness.engine.sendTaskSuccess(token, "{}"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.code()).isEqualTo("TaskDoesNotExist"));
    }

    @Test
    void sendTask_shouldRejectBadTokensAndOutput_withAwsErrorCodes() throws InterruptedException {
        assertThatThrownBy(() -> harness.engine.sendTaskSuccess("not a token!", "{}"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.code()).isEqualTo("InvalidToken"));
        assertThatThrownBy(() -> harness.engine.sendTaskHeartbeat("AAAA"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.code()).isEqualTo("TaskDoesNotExist"));
        String arn = harness.start(tokenTask(",'End':true"), "{}");
        String token = nextToken();
        assertThatThrownBy(() -> harness.engine.sendTaskSuccess(token, "{not json"))
                .isInstanceOfSatisfying(StepFunctionsException.class,
                        e -> assertThat(e.code()).isEqualTo("InvalidOutput"));
        harness.engine.sendTaskSuccess(token, "{}");
        assertThat(harness.await(arn).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(harness.await(arn).stopDate()).get().isEqualTo(Instant.from(T0));
    }
}
