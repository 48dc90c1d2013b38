package dev.drsorchestrator.local.stepfunctions;

import static dev.drsorchestrator.local.stepfunctions.AslHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StepFunctionsApiTest {

    private static final String PASS = AslHarness.asl("{'StartAt':'P','States':{'P':{'Type':'Pass','End':true}}}");

    private final AslHarness harness = new AslHarness();
    private final StepFunctionsApi api = new StepFunctionsApi(harness.engine);

    @AfterEach
    void close() {
        harness.close();
    }

    private StepFunctionsApi.Response call(String action, String readableBody) {
        return api.handle("AWSStepFunctions." + action,
                AslHarness.asl(readableBody).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode ok(String action, String readableBody) {
        StepFunctionsApi.Response response = call(action, readableBody);
        assertThat(response.status()).as(response.json()).isEqualTo(200);
        return json(response.json());
    }

    /** A request body from field/value pairs, so JSON texts inside it need no hand escaping. */
    private StepFunctionsApi.Response send(String action, String... fieldsAndValues) {
        ObjectNode body = AslHarness.MAPPER.createObjectNode();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return api.handle("AWSStepFunctions." + action, body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String createMachine() {
        StepFunctionsApi.Response response = send("CreateStateMachine", "name", "waves", "definition", PASS,
                "roleArn", AslHarness.ROLE);
        assertThat(response.status()).isEqualTo(200);
        return json(response.json()).get("stateMachineArn").asText();
    }

    @Test
    void handle_shouldRunTheExecutionLifecycle_whenActionsAreValid() throws InterruptedException {
        // GIVEN a created state machine
        String machine = createMachine();
        assertThat(ok("DescribeStateMachine", "{'stateMachineArn':'" + machine + "'}").get("definition").asText())
                .isEqualTo(PASS);

        // WHEN an execution is started and completes
        StepFunctionsApi.Response startResponse = send("StartExecution", "stateMachineArn", machine, "name", "e1",
                "input", "{\"a\":1}");
        JsonNode started = json(startResponse.json());
        String execution = started.get("executionArn").asText();
        harness.await(execution);

        // THEN Describe, List and History report it in AWS shapes
        JsonNode described = ok("DescribeExecution", "{'executionArn':'" + execution + "'}");
        assertThat(described.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(json(described.get("output").asText())).isEqualTo(json("{\"a\":1}"));
        assertThat(described.get("startDate").isNumber()).isTrue();
        assertThat(described.get("stopDate").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(AslHarness.T0.getEpochSecond()));
        JsonNode listed = ok("ListExecutions", "{'stateMachineArn':'" + machine + "','statusFilter':'SUCCEEDED'}");
        assertThat(listed.get("executions")).hasSize(1);
        JsonNode history = ok("GetExecutionHistory", "{'executionArn':'" + execution + "','reverseOrder':true}");
        assertThat(history.get("events").get(0).get("type").asText()).isEqualTo("ExecutionSucceeded");
        assertThat(history.get("events").get(0).get("executionSucceededEventDetails").get("output").asText())
                .isEqualTo("{\"a\":1}");
    }

    @Test
    void handle_shouldListEveryStateMachine_whenListStateMachinesIsCalled() {
        // GIVEN one created state machine
        String machine = createMachine();

        // WHEN the machines are listed
        JsonNode listed = ok("ListStateMachines", "{}");

        // THEN it is the one item, with its name and type, and no further page
        assertThat(listed.get("stateMachines")).hasSize(1);
        assertThat(listed.get("stateMachines").get(0).get("stateMachineArn").asText()).isEqualTo(machine);
        assertThat(listed.get("stateMachines").get(0).get("name").asText()).isEqualTo("waves");
        assertThat(listed.get("stateMachines").get(0).get("type").asText()).isEqualTo("STANDARD");
        assertThat(listed.has("nextToken")).isFalse();
    }

    @Test
    void handle_shouldPageHistory_whenMaxResultsIsSmall() throws InterruptedException {
        String machine = createMachine();
        String execution = ok("StartExecution", "{'stateMachineArn':'" + machine + "'}").get("executionArn")
                .asText();
        harness.await(execution);
        JsonNode first = ok("GetExecutionHistory", "{'executionArn':'" + execution + "','maxResults':2}");
        assertThat(first.get("events")).hasSize(2);
        JsonNode second = ok("GetExecutionHistory", "{'executionArn':'" + execution + "','maxResults':2,"
                + "'nextToken':'" + first.get("nextToken").asText() + "'}");
        assertThat(second.get("events").get(0).get("id").asInt()).isEqualTo(3);
        assertThat(second.has("nextToken")).isFalse();
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "DescribeExecution|{'executionArn':'arn:aws:states:us-east-1:000000000000:execution:x:y'}|ExecutionDoesNotExist",
        "StopExecution|{'executionArn':'nope'}|ExecutionDoesNotExist",
        "GetExecutionHistory|{'executionArn':'nope'}|ExecutionDoesNotExist",
        "DescribeStateMachine|{'stateMachineArn':'nope'}|StateMachineDoesNotExist",
        "StartExecution|{'stateMachineArn':'nope'}|StateMachineDoesNotExist",
        "ListExecutions|{'stateMachineArn':'nope'}|StateMachineDoesNotExist",
        "SendTaskSuccess|{'taskToken':'AAAA','output':'{}'}|TaskDoesNotExist",
        "SendTaskFailure|{'taskToken':'bad token','error':'E'}|InvalidToken",
        "SendTaskHeartbeat|{}|ValidationException",
        "SendTaskSuccess|{'taskToken':'AAAA'}|ValidationException",
        "CreateStateMachine|{'name':'m','definition':'{}','roleArn':'arn:aws:iam::000000000000:role/r'}|InvalidDefinition",
        "CreateStateMachine|{'name':'bad name','definition':'{}','roleArn':'arn:aws:iam::000000000000:role/r'}|InvalidName",
        "CreateStateMachine|{'name':'m','definition':'{}','roleArn':'arn:aws:iam::000000000000:role/r','type':'EXPRESS'}|ValidationException",
        "DescribeExecution|{'executionArn':5}|ValidationException",
        "Frobnicate|{}|UnknownOperationException",
    })
    void handle_shouldAnswerAwsShapedErrors_whenRequestsAreWrong(String action, String body, String code) {
        StepFunctionsApi.Response response = call(action, body);
        assertThat(response.status()).isEqualTo(400);
        JsonNode error = json(response.json());
        assertThat(error.get("__type").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank();
    }

    @Test
    void handle_shouldNameTheProblem_whenDefinitionIsInvalid() {
        StepFunctionsApi.Response response = send("CreateStateMachine", "name", "m", "roleArn", AslHarness.ROLE,
                "definition", AslHarness.asl("{'StartAt':'A','States':{'A':{'Type':'Pass','Next':'B'}}}"));
        assertThat(json(response.json()).get("message").asText())
                .isEqualTo("State 'A': Next 'B' does not name a state");
    }

    @Test
    void handle_shouldRejectBodiesThatAreNotJsonObjects_withSerializationException() {
        StepFunctionsApi.Response response = api.handle("AWSStepFunctions.StartExecution",
                "[1]".getBytes(StandardCharsets.UTF_8));
        assertThat(json(response.json()).get("__type").asText()).isEqualTo("SerializationException");
        assertThat(json(api.handle("Other.StartExecution", new byte[0]).json()).get("__type").asText())
                .isEqualTo("UnknownOperationException");
    }

    @Test
    void handle_shouldBeIdempotentOrConflict_whenNamesAreReused() {
        String machine = createMachine();
        assertThat(createMachine()).isEqualTo(machine);
        StepFunctionsApi.Response conflict = send("CreateStateMachine", "name", "waves", "roleArn", AslHarness.ROLE,
                "definition", AslHarness.asl("{'StartAt':'S','States':{'S':{'Type':'Succeed'}}}"));
        assertThat(json(conflict.json()).get("__type").asText()).isEqualTo("StateMachineAlreadyExists");

        ok("StartExecution", "{'stateMachineArn':'" + machine + "','name':'once','input':'{}'}");
        StepFunctionsApi.Response again = send("StartExecution", "stateMachineArn", machine, "name", "once",
                "input", "{\"other\":1}");
        assertThat(json(again.json()).get("__type").asText()).isEqualTo("ExecutionAlreadyExists");
        StepFunctionsApi.Response badInput = send("StartExecution", "stateMachineArn", machine, "input", "{nope");
        assertThat(json(badInput.json()).get("__type").asText()).isEqualTo("InvalidExecutionInput");
    }
}
