package dev.drsorchestrator.local.stepfunctions;

import static dev.drsorchestrator.local.stepfunctions.AslHarness.T0;
import static dev.drsorchestrator.local.stepfunctions.AslHarness.json;
import static dev.drsorchestrator.local.stepfunctions.AslHarness.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StateTypesTest {

    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:echo";
    private final AslHarness harness = new AslHarness();

    @AfterEach
    void close() {
        harness.close();
    }

    @Test
    void pass_shouldPlaceResultAtResultPath_whenResultIsGiven() throws InterruptedException {
        ExecutionSnapshot done = harness.run("{'StartAt':'P','States':{'P':{'Type':'Pass',"
                + "'Result':{'ok':true},'ResultPath':'$.r','End':true}}}", "{\"in\":1}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(json(done.output().orElseThrow())).isEqualTo(json("{\"in\":1,\"r\":{\"ok\":true}}"));
    }

    @Test
    void pass_shouldBuildParametersFromPathsContextAndIntrinsics_whenParametersAreGiven()
            throws InterruptedException {
        // GIVEN a Pass state whose Parameters use input paths, the context object and an intrinsic
        String asl = "{'StartAt':'P','States':{'P':{'Type':'Pass','InputPath':'$.plan','Parameters':{"
                + "'id.$':'$.id','static':'x','exec.$':'$$.Execution.Name','state.$':'$$.State.Name',"
                + "'role.$':'$$.Execution.RoleArn','machine.$':'$$.StateMachine.Id','start.$':'$$.Execution.StartTime',"
                + "'entered.$':'$$.State.EnteredTime','original.$':'$$.Execution.Input.plan.id',"
                + "'label.$':'States.Format(`plan {}`, $.id)','nested':{'first.$':'$.waves[0]'}},"
                + "'OutputPath':'$','End':true}}}";

        // WHEN it runs
        ExecutionSnapshot done = harness.run(asl, "{\"plan\":{\"id\":\"p-1\",\"waves\":[\"w1\",\"w2\"]}}");

        // THEN every value comes from where the template says
        JsonNode out = json(done.output().orElseThrow());
        assertThat(out.get("id").asText()).isEqualTo("p-1");
        assertThat(out.get("static").asText()).isEqualTo("x");
        assertThat(out.get("exec").asText()).isEqualTo("run");
        assertThat(out.get("state").asText()).isEqualTo("P");
        assertThat(out.get("role").asText()).isEqualTo(AslHarness.ROLE);
        assertThat(out.get("machine").asText()).isEqualTo("arn:aws:states:us-east-1:000000000000:stateMachine:m1");
        assertThat(out.get("start").asText()).isEqualTo(T0.toString());
        assertThat(out.get("entered").asText()).isEqualTo(T0.toString());
        assertThat(out.get("original").asText()).isEqualTo("p-1");
        assertThat(out.get("label").asText()).isEqualTo("plan p-1");
        assertThat(out.get("nested").get("first").asText()).isEqualTo("w1");
    }

    @Test
    void pass_shouldDiscardPaths_whenTheyAreNull() throws InterruptedException {
        ExecutionSnapshot discardResult = harness.run("{'StartAt':'P','States':{'P':{'Type':'Pass',"
                + "'Result':1,'ResultPath':null,'End':true}}}", "{\"keep\":true}");
        assertThat(json(discardResult.output().orElseThrow())).isEqualTo(json("{\"keep\":true}"));
    }

    @Test
    void task_shouldApplyInputPathParametersResultSelectorResultPathOutputPath_inAslOrder()
            throws InterruptedException {
        // GIVEN a lambda:invoke task with the full I/O pipeline
        harness.function("wave-fn", payload -> ok("{\"started\":" + payload.get("servers").size()
                + ",\"jobId\":\"j-9\"}"));
        String asl = "{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                + "'InputPath':'$.wave','Parameters':{'FunctionName':'wave-fn','Payload':{'servers.$':'$.servers'}},"
                + "'ResultSelector':{'job.$':'$.Payload.jobId','count.$':'$.Payload.started','code.$':'$.StatusCode'},"
                + "'ResultPath':'$.result','OutputPath':'$.result','End':true}}}";

        // WHEN it runs
        ExecutionSnapshot done = harness.run(asl, "{\"wave\":{\"servers\":[\"s-1\",\"s-2\"]},\"other\":1}");

        // THEN the function got the Payload and the output went through selector, result path and output path
        assertThat(harness.calls).singleElement().satisfies(call -> {
            assertThat(call.functionName()).isEqualTo("wave-fn");
            assertThat(call.payload()).isEqualTo(json("{\"servers\":[\"s-1\",\"s-2\"]}"));
        });
        assertThat(json(done.output().orElseThrow())).isEqualTo(json("{\"job\":\"j-9\",\"count\":2,\"code\":200}"));
    }

    @Test
    void task_shouldReturnTheFunctionResult_whenResourceIsAFunctionArn() throws InterruptedException {
        harness.function(FN, payload -> new LambdaResult.Success(payload));
        ExecutionSnapshot done = harness.run("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'" + FN
                + "','End':true}}}", "{\"a\":1}");
        assertThat(json(done.output().orElseThrow())).isEqualTo(json("{\"a\":1}"));
        assertThat(harness.engine.history(done.executionArn())).extracting(HistoryEvent::type).containsExactly(
                "ExecutionStarted", "TaskStateEntered", "LambdaFunctionScheduled", "LambdaFunctionStarted",
                "LambdaFunctionSucceeded", "TaskStateExited", "ExecutionSucceeded");
    }

    @Test
    void choice_shouldFollowTheFirstMatchingRuleThenDefault_whenRulesAreEvaluated() throws InterruptedException {
        String asl = "{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':["
                + "{'Variable':'$.n','NumericGreaterThan':10,'Next':'Big'},"
                + "{'Variable':'$.n','NumericGreaterThan':1,'Next':'Medium'}],'Default':'Small'},"
                + "'Big':{'Type':'Pass','Result':'big','End':true},"
                + "'Medium':{'Type':'Pass','Result':'medium','End':true},"
                + "'Small':{'Type':'Pass','Result':'small','End':true}}}";
        assertThat(harness.run(asl, "{\"n\":50}").output()).contains("\"big\"");
        assertThat(harness.run(asl, "{\"n\":5}").output()).contains("\"medium\"");
        assertThat(harness.run(asl, "{\"n\":0}").output()).contains("\"small\"");
    }

    @Test
    void choice_shouldFailWithNoChoiceMatched_whenNothingMatchesAndNoDefault() throws InterruptedException {
        ExecutionSnapshot done = harness.run("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':["
                + "{'Variable':'$.n','NumericEquals':1,'Next':'E'}]},'E':{'Type':'Succeed'}}}", "{\"n\":2}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).contains("States.NoChoiceMatched");
    }

    @Test
    void wait_shouldAdvanceTheClockBySeconds_whenSecondsIsGiven() throws InterruptedException {
        ExecutionSnapshot done = harness.run("{'StartAt':'W','States':{'W':{'Type':'Wait','Seconds':90,"
                + "'Next':'S'},'S':{'Type':'Succeed'}}}", "{}");
        assertThat(done.stopDate()).contains(T0.plusSeconds(90));
        assertThat(harness.events(done.executionArn(), "SucceedStateEntered").get(0).timestamp())
                .isEqualTo(T0.plusSeconds(90));
    }

    @Test
    void wait_shouldReadSecondsAndTimestampFromPaths_whenPathsAreGiven() throws InterruptedException {
        ExecutionSnapshot bySeconds = harness.run("{'StartAt':'W','States':{'W':{'Type':'Wait',"
                + "'SecondsPath':'$.delay','End':true}}}", "{\"delay\":30}");
        assertThat(bySeconds.stopDate()).contains(T0.plusSeconds(30));

        Instant base = harness.clock.now();
        String at = base.plusSeconds(600).toString();
        ExecutionSnapshot byPath = harness.run("{'StartAt':'W','States':{'W':{'Type':'Wait',"
                + "'TimestampPath':'$.at','End':true}}}", "{\"at\":\"" + at + "\"}");
        assertThat(byPath.stopDate()).contains(Instant.parse(at));

        ExecutionSnapshot literal = harness.run("{'StartAt':'W','States':{'W':{'Type':'Wait',"
                + "'Timestamp':'2020-01-01T00:00:00Z','End':true}}}", "{}");
        assertThat(literal.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(literal.stopDate()).contains(Instant.parse(at));
    }

    @Test
    void wait_shouldFailWithStatesRuntime_whenSecondsPathIsNotAnInteger() throws InterruptedException {
        ExecutionSnapshot done = harness.run("{'StartAt':'W','States':{'W':{'Type':'Wait',"
                + "'SecondsPath':'$.delay','End':true}}}", "{\"delay\":\"soon\"}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).contains("States.Runtime");
        assertThat(done.cause().orElseThrow()).contains("SecondsPath '$.delay'");
    }

    @Test
    void succeed_shouldApplyOutputPath_whenGiven() throws InterruptedException {
        ExecutionSnapshot done = harness.run("{'StartAt':'S','States':{'S':{'Type':'Succeed',"
                + "'InputPath':'$.a','OutputPath':'$.b'}}}", "{\"a\":{\"b\":[1]}}");
        assertThat(done.output()).contains("[1]");
    }

    @Test
    void fail_shouldEndWithErrorAndCause_whenLiteralOrFromPaths() throws InterruptedException {
        ExecutionSnapshot literal = harness.run("{'StartAt':'F','States':{'F':{'Type':'Fail',"
                + "'Error':'PlanFailed','Cause':'wave 2 failed'}}}", "{}");
        assertThat(literal.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(literal.error()).contains("PlanFailed");
        assertThat(literal.cause()).contains("wave 2 failed");
        assertThat(literal.output()).isEmpty();

        ExecutionSnapshot fromPaths = harness.run("{'StartAt':'F','States':{'F':{'Type':'Fail',"
                + "'ErrorPath':'$.e','CausePath':'$.c'}}}", "{\"e\":\"E1\",\"c\":\"C1\"}");
        assertThat(fromPaths.error()).contains("E1");
        assertThat(fromPaths.cause()).contains("C1");
    }

    @Test
    void execution_shouldFailWithStatesRuntime_whenInputPathIsAbsent() throws InterruptedException {
        ExecutionSnapshot done = harness.run("{'StartAt':'P','States':{'P':{'Type':'Pass',"
                + "'InputPath':'$.missing','End':true}}}", "{}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).contains("States.Runtime");
    }

    @Test
    void execution_shouldFailWithDataLimitExceeded_whenAStateOutputExceeds256Kb() throws InterruptedException {
        String big = "x".repeat(200_000);
        ExecutionSnapshot done = harness.run("{'StartAt':'P','States':{'P':{'Type':'Pass',"
                + "'Parameters':{'a.$':'$.s','b.$':'$.s'},'End':true}}}", "{\"s\":\"" + big + "\"}");
        assertThat(done.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(done.error()).contains("States.DataLimitExceeded");
    }

    @Test
    void history_shouldRecordEveryStateInOrder_whenExecutionRuns() throws InterruptedException {
        ExecutionSnapshot done = harness.run("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'},"
                + "'B':{'Type':'Wait','Seconds':1,'Next':'C'},'C':{'Type':'Succeed'}}}", "{}");
        assertThat(harness.engine.history(done.executionArn())).extracting(HistoryEvent::type).containsExactly(
                "ExecutionStarted", "PassStateEntered", "PassStateExited", "WaitStateEntered", "WaitStateExited",
                "SucceedStateEntered", "SucceedStateExited", "ExecutionSucceeded");
        assertThat(harness.engine.history(done.executionArn())).extracting(HistoryEvent::id)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    }
}
