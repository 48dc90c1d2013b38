package dev.drsorchestrator.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drsorchestrator.shared.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class DrillFlowTest {

    @Test
    void instanceSummary_shouldCountInstancesPerEc2State_whenTheOperatorChecksDuringThePause() {
        // GIVEN a recovery-instances answer with three instances in two states
        JsonNode answer = json("{\"totalInstances\":3,\"instances\":[{\"ec2InstanceState\":\"RUNNING\"},"
                + "{\"ec2InstanceState\":\"running\"},{\"ec2InstanceState\":\"pending\"}]}");

        // WHEN / THEN the summary gives the total and the count per state, states in order
        assertThat(DrillFlow.instanceSummary(answer)).isEqualTo("3 drill instance(s) in DRS: 1 pending, 2 running");
    }

    @Test
    void instanceSummary_shouldSayNone_whenDrsReportsNoInstance() {
        assertThat(DrillFlow.instanceSummary(json("{\"totalInstances\":0,\"instances\":[]}")))
                .isEqualTo("0 drill instance(s) in DRS");
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
