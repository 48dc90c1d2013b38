package dev.drsorchestrator.execution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.execution.ExecutionStatus;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class WaveQuotaTest {

    private static List<String> servers(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("s-%017x", i)).toList();
    }

    @Test
    void refusal_shouldBeEmpty_whenTheWaveFitsBesideTheActiveJobs() {
        // GIVEN 19 active jobs with 300 servers WHEN a one-job wave of 200 servers is checked THEN it fits
        assertThat(new WaveQuota(19, 300).refusal("Web", servers(100), "us-west-2")).isEmpty();
    }

    @Test
    void refusal_shouldNameWaveRegionCountsAndLimits_whenTheConcurrentJobLimitWouldBreak() {
        // GIVEN 19 active jobs WHEN a wave needing two jobs is checked THEN the reason names all of it
        assertThat(new WaveQuota(19, 10).refusal("Web", servers(150), "us-west-2")).get().asString()
                .contains("Wave 'Web'", "us-west-2", "beside 19 in progress", "20 concurrent jobs",
                        "500 servers in active jobs");
    }

    @Test
    void refusal_shouldNameTheServerLimit_whenTheActiveServersWouldExceed500() {
        // GIVEN 450 servers in active jobs WHEN a wave of 60 servers is checked THEN the server limit is named
        assertThat(new WaveQuota(3, 450).refusal("Db", servers(60), "eu-west-1")).get().asString()
                .contains("beside 450 in active jobs");
    }

    @Test
    void openJobs_shouldRoundTripTheJobIdsThroughTheWaveError() {
        // GIVEN the error a failed execution leaves on a running wave WHEN it is read back THEN the jobs are listed
        var error = OpenJobs.error(ExecutionStatus.FAILED, "State machine error X", List.of("drsjob-1", "drsjob-2"));
        assertThat(OpenJobs.of(error)).containsExactly("drsjob-1", "drsjob-2");
        assertThat(error.path("executionStatus").asText()).isEqualTo("FAILED");
        assertThat(OpenJobs.of(null)).isEmpty();
        assertThat(OpenJobs.waveMessage(ExecutionStatus.FAILED, "boom", List.of("drsjob-1")))
                .contains("FAILED (boom)", "drsjob-1", "terminate_instances");
    }
}
