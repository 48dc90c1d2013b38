package dev.drsorchestrator.shared.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WaveProgressTest {

    /** Expected values produced by running the seed's Python {@code calculate_wave_progress} on the same inputs. */
    @ParameterizedTest
    @CsvSource({
        "2,1,4,75.0,1,66.67",
        "1,0,3,33.33,2,100.0",
        "1,0,800,0.12,799,100.0",
        "0,0,5,0.0,5,0.0",
        "0,3,3,100.0,0,0.0",
        "5,0,5,100.0,0,100.0",
        "1,2,3,100.0,0,33.33",
        "7,0,2000,0.35,1993,100.0",
        "1,7,8,100.0,0,12.5",
        "1,0,6,16.67,5,100.0",
        "5,0,7,71.43,2,100.0"
    })
    void calculate_shouldMatchSeedRounding_whenGivenCounts(int launched, int failed, int total, double percent,
                                                          int remaining, double success) {
        // GIVEN counts WHEN progress is calculated
        WaveProgress progress = WaveProgress.calculate(launched, failed, total);

        // THEN it equals what the Python seed returns, including round-half-even on the binary value
        assertThat(progress).isEqualTo(new WaveProgress(percent, remaining, success));
    }

    @Test
    void calculate_shouldReturnZeros_whenWaveHasNoServers() {
        // GIVEN an empty wave WHEN progress is calculated THEN the seed's zero-total answer comes back
        assertThat(WaveProgress.calculate(0, 0, 0)).isEqualTo(new WaveProgress(0, 0, 0));
    }

    @Test
    void calculate_shouldReportZeroSuccessRate_whenNothingFinishedYet() {
        // GIVEN servers all still launching WHEN calculated THEN success rate is 0, not a division by zero
        WaveProgress progress = WaveProgress.calculate(0, 0, 10);

        assertThat(progress.successRate()).isZero();
        assertThat(progress.remainingCount()).isEqualTo(10);
    }

    @Test
    void calculate_shouldThrow_whenCountsAreInconsistent() {
        // GIVEN counts no poll could produce WHEN calculated THEN the programming error is reported
        assertThatThrownBy(() -> WaveProgress.calculate(3, 2, 4)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> WaveProgress.calculate(-1, 0, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WaveProgress.calculate(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WaveProgress.calculate(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
