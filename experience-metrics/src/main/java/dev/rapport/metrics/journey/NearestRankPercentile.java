package dev.rapport.metrics.journey;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The nearest-rank percentile: the p-th percentile of n sorted values is the value at 1-based rank
 * {@code ceil(p / 100 * n)} (at least 1). It is always one of the values, never an interpolation, so
 * the median of 1, 2, 3, 4 is 2 and the 90th percentile of ten values is the ninth.
 */
public final class NearestRankPercentile {

    private NearestRankPercentile() {}

    /**
     * The 1-based rank of the {@code percent}-th percentile among {@code count} values.
     *
     * @throws IllegalArgumentException if percent is not in 1..100 or count is below 1
     */
    public static long rank(long count, int percent) {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("percent must be from 1 to 100, got " + percent);
        }
        if (count < 1) {
            throw new IllegalArgumentException("count must be at least 1, got " + count);
        }
        // ceil(percent * count / 100) in integers, so no rounding error decides the rank.
        return Math.max(1, (Math.multiplyExact(count, percent) + 99) / 100);
    }

    /** The {@code percent}-th percentile of values sorted in ascending order. */
    public static double of(List<Double> sortedValues, int percent) {
        requireNonNull(sortedValues, "sortedValues is null");
        if (sortedValues.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        return sortedValues.get((int) rank(sortedValues.size(), percent) - 1);
    }
}
