package dev.drsorchestrator.local.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WaveRuntimeTest {

    @Test
    void definition_shouldCallOnlyTheTwoSubstitutedHandlers_andRetryLambdaErrorsAsSpecified() throws Exception {
        // GIVEN the ASL file from cfn/ on the classpath
        JsonNode asl = new ObjectMapper().readTree(WaveRuntime.definition());

        // WHEN every Task state is read
        List<String> functions = new ArrayList<>();
        asl.path("States").fields().forEachRemaining(state -> {
            JsonNode s = state.getValue();
            if ("Task".equals(s.path("Type").asText())) {
                functions.add(s.path("Parameters").path("FunctionName").asText());
                // THEN each retries the four Lambda errors at 2 s, 6 attempts, backoff 2
                JsonNode first = s.path("Retry").get(0);
                assertThat(first.path("ErrorEquals")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                        "Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException",
                        "Lambda.TooManyRequestsException");
                assertThat(first.path("IntervalSeconds").asInt()).isEqualTo(2);
                assertThat(first.path("MaxAttempts").asInt()).isEqualTo(6);
                assertThat(first.path("BackoffRate").asDouble()).isEqualTo(2.0);
            }
        });

        // AND only the poll goes to the query handler; everything else to the execution handler
        assertThat(functions).containsOnly("${QueryHandlerArn}", "${ExecutionHandlerArn}");
        assertThat(asl.path("States").path("PollWaveStatus").path("Parameters").path("FunctionName").asText())
                .isEqualTo("${QueryHandlerArn}");
        assertThat(asl.path("States").path("UpdateWaveStatus").path("Parameters").path("Payload")
                .path("action").asText()).isEqualTo("update_wave_completion_status");
    }
}
