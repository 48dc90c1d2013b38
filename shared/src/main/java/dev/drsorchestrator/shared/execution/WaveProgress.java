package dev.drsorchestrator.shared.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How far a wave has got, computed once here so that the read-only poll and the persisting update report the same
 * numbers. Follows the seed's {@code calculate_wave_progress}: percentages are rounded to two decimals the way
 * Python's {@code round(x, 2)} rounds a float, and an empty wave reports zeros.
 *
 * <p>Example: {@code WaveProgress.calculate(2, 1, 4)} is {@code (75.0, 1, 66.67)}.
 *
 * @param percentComplete share of servers that reached a final launch state, 0..100, two decimals
 * @param remainingCount  servers not yet launched or failed
 * @param successRate     share of finished servers that launched, 0..100, two decimals (0 when none finished)
 */
public record WaveProgress(double percentComplete, int remainingCount, double successRate) {

    private static final WaveProgress EMPTY = new WaveProgress(0, 0, 0);

    /**
     * Computes progress from server counts.
     *
     * @param launchedCount servers whose recovery instance launched
     * @param failedCount   servers whose launch failed
     * @param totalCount    servers in the wave
     * @throws IllegalArgumentException if a count is negative or launched + failed exceeds the total
     */
    public static WaveProgress calculate(int launchedCount, int failedCount, int totalCount) {
        if (launchedCount < 0 || failedCount < 0 || totalCount < 0) {
            throw new IllegalArgumentException("server counts must not be negative: launched=" + launchedCount
                    + ", failed=" + failedCount + ", total=" + totalCount);
        }
        long completedCount = (long) launchedCount + failedCount;
        if (completedCount > totalCount) {
            throw new IllegalArgumentException("launched + failed (" + completedCount
                    + ") exceeds the wave's server count (" + totalCount + ")");
        }
        if (totalCount == 0) {
            return EMPTY;
        }
        double percent = ((double) completedCount / totalCount) * 100;
        double success = completedCount > 0 ? ((double) launchedCount / completedCount) * 100 : 0;
        return new WaveProgress(roundLikePython(percent), (int) (totalCount - completedCount), roundLikePython(success));
    }

    /** Python rounds the exact binary value half-to-even; BigDecimal(double) exposes that exact value. */
    private static double roundLikePython(double value) {
        return new BigDecimal(value).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }
}
