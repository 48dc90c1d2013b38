package dev.drsorchestrator.shared.drs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.drsorchestrator.shared.rules.Violation;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DrsCapacityTest {

    private static JobPlan.Planned plan(int servers) {
        return (JobPlan.Planned) DrsJobPlanner.split(IntStream.range(0, servers).mapToObj(i -> "s-" + i).toList());
    }

    @Test
    void check_shouldPass_whenWaveFitsBesideRunningJobs() {
        // GIVEN 18 jobs with 300 servers running and a 200-server wave (2 jobs) WHEN checked THEN it fits exactly
        assertThat(DrsCapacity.check(18, 300, plan(200))).isEmpty();
    }

    @Test
    void check_shouldReportJobLimit_whenTooManyJobsWouldRun() {
        // GIVEN 19 running jobs and a two-job wave WHEN checked THEN the concurrent-job limit is named
        assertThat(DrsCapacity.check(19, 0, plan(150))).extracting(Violation::rule)
                .containsExactly("maxConcurrentJobs");
    }

    @Test
    void check_shouldReportServerLimit_whenTooManyServersWouldRun() {
        // GIVEN 450 servers in active jobs and a 51-server wave WHEN checked THEN the server limit is named
        List<Violation> violations = DrsCapacity.check(5, 450, plan(51));

        assertThat(violations).extracting(Violation::rule).containsExactly("maxServersInActiveJobs");
        assertThat(violations.get(0).message()).contains("500");
    }

    @Test
    void check_shouldThrow_whenCountsAreNegative() {
        // GIVEN impossible counts WHEN / THEN a programming error
        assertThatThrownBy(() -> DrsCapacity.check(-1, 0, plan(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
