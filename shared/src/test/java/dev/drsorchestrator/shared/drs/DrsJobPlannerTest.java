package dev.drsorchestrator.shared.drs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drsorchestrator.shared.rules.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DrsJobPlannerTest {

    private static List<String> servers(int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("s-%017x", i)).toList();
    }

    @Test
    void split_shouldReturnNoJobs_whenWaveIsEmpty() {
        // GIVEN no servers WHEN planned THEN no jobs
        assertThat(DrsJobPlanner.split(List.of())).isEqualTo(new JobPlan.Planned(List.of()));
    }

    @Test
    void split_shouldUseOneJob_whenWaveHasAtMostOneHundredServers() {
        // GIVEN exactly 100 servers WHEN planned
        JobPlan plan = DrsJobPlanner.split(servers(100));

        // THEN one job holds them all, in order
        assertThat(plan).isEqualTo(new JobPlan.Planned(List.of(servers(100))));
    }

    @Test
    void split_shouldBalanceJobs_whenWaveExceedsOneJob() {
        // GIVEN 250 servers WHEN planned
        JobPlan.Planned plan = (JobPlan.Planned) DrsJobPlanner.split(servers(250));

        // THEN three jobs of 84, 83, 83 in the wave's order
        assertThat(plan.jobs()).extracting(List::size).containsExactly(84, 83, 83);
        List<String> flattened = plan.jobs().stream().flatMap(List::stream).toList();
        assertThat(flattened).isEqualTo(servers(250));
        assertThat(plan.serverCount()).isEqualTo(250);
    }

    @Test
    void split_shouldUseFiveFullJobs_whenWaveHasFiveHundredServers() {
        // GIVEN the largest wave allowed WHEN planned THEN five jobs of 100
        JobPlan.Planned plan = (JobPlan.Planned) DrsJobPlanner.split(servers(500));

        assertThat(plan.jobs()).extracting(List::size).containsExactly(100, 100, 100, 100, 100);
    }

    @Test
    void split_shouldReject_whenWaveExceedsServersInActiveJobs() {
        // GIVEN 501 servers WHEN planned
        JobPlan plan = DrsJobPlanner.split(servers(501));

        // THEN rejected naming the field and the limit
        assertThat(plan).isInstanceOfSatisfying(JobPlan.Rejected.class, rejected -> {
            Violation violation = rejected.violations().get(0);
            assertThat(violation.field()).isEqualTo("serverIds");
            assertThat(violation.rule()).isEqualTo("maxServersPerWave");
            assertThat(violation.message()).contains("500").contains("501");
        });
    }

    @Test
    void split_shouldReject_whenServerRepeatsOrIsBlank() {
        // GIVEN a repeated id and a blank id
        List<String> ids = new ArrayList<>(Arrays.asList("s-1", "s-2", "s-1", " ", null));

        // WHEN planned
        JobPlan plan = DrsJobPlanner.split(ids);

        // THEN each bad entry is named by position
        assertThat(plan).isInstanceOfSatisfying(JobPlan.Rejected.class, rejected ->
                assertThat(rejected.violations()).extracting(Violation::field, Violation::rule).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("serverIds[2]", "unique"),
                        org.assertj.core.groups.Tuple.tuple("serverIds[3]", "required"),
                        org.assertj.core.groups.Tuple.tuple("serverIds[4]", "required")));
    }

    @Test
    void limits_shouldMatchDrsQuotas_whenRead() {
        // GIVEN the documented DRS defaults WHEN read THEN the constants carry them
        assertThat(DrsLimits.MAX_SERVERS_PER_JOB).isEqualTo(100);
        assertThat(DrsLimits.MAX_CONCURRENT_JOBS).isEqualTo(20);
        assertThat(DrsLimits.MAX_SERVERS_IN_ACTIVE_JOBS).isEqualTo(500);
        assertThat(DrsLimits.MAX_REPLICATING_SERVERS).isEqualTo(300);
        assertThat(DrsLimits.MAX_SOURCE_SERVERS).isEqualTo(4000);
        assertThat(DrsLimits.MAX_CONCURRENT_JOBS_PER_SERVER).isEqualTo(1);
    }
}
