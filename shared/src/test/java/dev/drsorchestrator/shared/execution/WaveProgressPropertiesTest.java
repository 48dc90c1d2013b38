package dev.drsorchestrator.shared.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class WaveProgressPropertiesTest {

    @Property
    void calculate_shouldKeepPercentsInRangeAndCountsBalanced_whenCountsAreConsistent(
            @ForAll @IntRange(min = 0, max = 5000) int launched,
            @ForAll @IntRange(min = 0, max = 5000) int failed,
            @ForAll @IntRange(min = 0, max = 5000) int notFinished) {
        // GIVEN consistent counts
        int total = launched + failed + notFinished;

        // WHEN progress is calculated
        WaveProgress progress = WaveProgress.calculate(launched, failed, total);

        // THEN percentages stay within 0..100 with two decimals at most, and launched + failed + remaining = total
        assertThat(progress.percentComplete()).isBetween(0.0, 100.0);
        assertThat(progress.successRate()).isBetween(0.0, 100.0);
        if (total > 0) {
            assertThat(launched + failed + progress.remainingCount()).isEqualTo(total);
        } else {
            assertThat(progress.remainingCount()).isZero();
        }
        assertThat(BigDecimal.valueOf(progress.percentComplete()).stripTrailingZeros().scale()).isLessThanOrEqualTo(2);
        assertThat(BigDecimal.valueOf(progress.successRate()).stripTrailingZeros().scale()).isLessThanOrEqualTo(2);
    }
}
