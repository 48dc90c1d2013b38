package dev.drsorchestrator.shared.drs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class DrsJobPlannerPropertiesTest {

    @Property
    void split_shouldKeepEveryServerOnceInOrderWithinLimits_whenWaveIsAllowed(
            @ForAll @IntRange(min = 0, max = 500) int count, @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        // GIVEN a wave of distinct server ids
        List<String> ids = IntStream.range(0, count).mapToObj(i -> "s-" + seed + "-" + i).toList();

        // WHEN planned
        JobPlan.Planned plan = (JobPlan.Planned) DrsJobPlanner.split(ids);

        // THEN every server appears exactly once, in order, no job exceeds 100, and sizes differ by at most one
        assertThat(plan.jobs().stream().flatMap(List::stream).toList()).isEqualTo(ids);
        assertThat(plan.jobs()).allSatisfy(job -> assertThat(job).hasSizeBetween(1, DrsLimits.MAX_SERVERS_PER_JOB));
        assertThat(plan.jobs()).hasSize((count + 99) / 100);
        if (!plan.jobs().isEmpty()) {
            int min = plan.jobs().stream().mapToInt(List::size).min().orElseThrow();
            int max = plan.jobs().stream().mapToInt(List::size).max().orElseThrow();
            assertThat(max - min).isLessThanOrEqualTo(1);
        }
    }

    @Property(tries = 50)
    void split_shouldReject_whenWaveExceedsFiveHundred(@ForAll @IntRange(min = 501, max = 2000) int count) {
        // GIVEN an oversized wave WHEN planned THEN rejected
        List<String> ids = IntStream.range(0, count).mapToObj(i -> "s-" + i).toList();

        assertThat(DrsJobPlanner.split(ids)).isInstanceOf(JobPlan.Rejected.class);
    }
}
