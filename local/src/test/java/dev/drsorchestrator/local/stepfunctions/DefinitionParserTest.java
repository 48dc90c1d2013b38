package dev.drsorchestrator.local.stepfunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DefinitionParserTest {

    private static final String FN = "arn:aws:lambda:us-east-1:123456789012:function:wave";

    private static StateMachineDefinition parse(String asl) {
        return DefinitionParser.parse(asl.replace('\'', '"'));
    }

    @Test
    void parse_shouldBuildEveryStateType_whenDefinitionIsValid() {
        // GIVEN a definition with each supported state type
        String asl = "{'StartAt':'P','TimeoutSeconds':60,'States':{"
                + "'P':{'Type':'Pass','Next':'T'},"
                + "'T':{'Type':'Task','Resource':'" + FN + "','Retry':[{'ErrorEquals':['States.ALL']}],"
                + "'Catch':[{'ErrorEquals':['States.ALL'],'Next':'F'}],'Next':'C'},"
                + "'C':{'Type':'Choice','Choices':[{'Variable':'$.x','IsPresent':true,'Next':'W'}],'Default':'S'},"
                + "'W':{'Type':'Wait','Seconds':5,'End':true},"
                + "'S':{'Type':'Succeed'},'F':{'Type':'Fail','Error':'E','Cause':'c'}}}";

        // WHEN it is parsed
        StateMachineDefinition definition = parse(asl);

        // THEN states, transitions and defaults are as written
        assertThat(definition.startAt()).isEqualTo("P");
        assertThat(definition.timeoutSeconds()).contains(60L);
        assertThat(definition.state("T")).isInstanceOfSatisfying(State.Task.class, task -> {
            assertThat(task.resource().kind()).isEqualTo(TaskResource.Kind.LAMBDA_FUNCTION);
            assertThat(task.retriers().get(0).maxAttempts()).isEqualTo(3);
            assertThat(task.retriers().get(0).delaySeconds(2)).isEqualTo(4.0);
            assertThat(task.next()).contains("C");
        });
        assertThat(definition.state("W")).isInstanceOfSatisfying(State.Wait.class,
                wait -> assertThat(wait.next()).isEmpty());
        assertThat(definition.state("C")).isInstanceOf(State.Choice.class);
        assertThat(definition.state("F")).isInstanceOf(State.Fail.class);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "not json|the definition is not valid JSON",
        "{'States':{'A':{'Type':'Succeed'}}}|StartAt is required",
        "{'StartAt':'B','States':{'A':{'Type':'Succeed'}}}|StartAt 'B' does not name a state",
        "{'StartAt':'A','States':{}}|States is required and must be a non-empty object",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'Nowhere'}}}|State 'A': Next 'Nowhere' does not name a state",
        "{'StartAt':'A','States':{'A':{'Type':'Pass'}}}|State 'A': exactly one of Next and \\\"End\\\": true is required",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true,'Next':'A'}}}|State 'A': exactly one of Next and",
        "{'StartAt':'A','States':{'A':{'Type':'Map','End':true}}}|State 'A': Type 'Map' is not supported",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true,'Bogus':1}}}|field 'Bogus' is not allowed in a Pass state",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true,'InputPath':'$.a[*]'}}}|State 'A': InputPath: path '$.a[*]'",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true,'ResultPath':'$.a[0]'}}}|must be a path of field names",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true,'OutputPath':5}}}|OutputPath must be a path string",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true,'Parameters':{'x.$':'$$.Bad[x]'}}}}|State 'A': Parameters.x.$",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true,'Parameters':{'x.$':'States.Nope()'}}}}|unknown intrinsic function",
        "{'StartAt':'A','States':{'A':{'Type':'Pass','End':true,'Parameters':{'x.$':5}}}}|must hold a path or an intrinsic",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage','End':true}}}|is not supported: use arn:aws:states:::lambda:invoke",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke','End':true}}}|Parameters.FunctionName is required",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke.waitForTaskToken','Parameters':{'FunctionName':'f'},'End':true}}}|must pass $$.Task.Token",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'" + FN + "','TimeoutSeconds':0,'End':true}}}|TimeoutSeconds must be",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'" + FN + "','TimeoutSeconds':5,'HeartbeatSeconds':5,'End':true}}}|HeartbeatSeconds must be smaller",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'" + FN + "','Retry':[{'ErrorEquals':['States.ALL','X']}],'End':true}}}|States.ALL must appear alone",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'" + FN + "','Retry':[{'ErrorEquals':['States.ALL']},{'ErrorEquals':['X']}],'End':true}}}|Retry[0]: States.ALL must appear alone and in the last entry",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'" + FN + "','Retry':[{'ErrorEquals':[]}],'End':true}}}|ErrorEquals is required",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'" + FN + "','Retry':[{'ErrorEquals':['X'],'BackoffRate':0.5}],'End':true}}}|BackoffRate must be a number >= 1.0",
        "{'StartAt':'A','States':{'A':{'Type':'Task','Resource':'" + FN + "','Catch':[{'ErrorEquals':['X'],'Next':'Z'}],'End':true}}}|Catch[0].Next 'Z' does not name a state",
        "{'StartAt':'A','States':{'A':{'Type':'Choice','Choices':[{'Variable':'$.x','IsNull':true}]}}}|Choices[0]: Next is required",
        "{'StartAt':'A','States':{'A':{'Type':'Choice','Choices':[{'Variable':'$.x','IsNull':true,'Next':'A'}],'Default':'Q'}}}|Default 'Q' does not name a state",
        "{'StartAt':'A','States':{'A':{'Type':'Wait','Seconds':1,'SecondsPath':'$.s','End':true}}}|exactly one of Seconds, SecondsPath",
        "{'StartAt':'A','States':{'A':{'Type':'Wait','Timestamp':'tomorrow','End':true}}}|Timestamp must be an RFC 3339 timestamp",
        "{'StartAt':'A','TimeoutSeconds':-1,'States':{'A':{'Type':'Succeed'}}}|TimeoutSeconds must be a non-negative integer",
        "{'StartAt':'A','QueryLanguage':'JSONata','States':{'A':{'Type':'Succeed'}}}|is not supported; use JSONPath",
    })
    void parse_shouldRejectWithAClearMessage_whenDefinitionIsInvalid(String asl, String message) {
        assertThatThrownBy(() -> parse(asl))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining(message.replace("\\\"", "\""));
    }
}
