package dev.rapport.metrics.journey.function;

import dev.rapport.metrics.journey.NearestRankPercentile;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code rapport_nearest_rank(count, percent)}: the 1-based rank holding the percent-th percentile
 * of count sorted values ({@link NearestRankPercentile#rank}); NULL when count is NULL or 0.
 */
public final class NearestRankFunction extends ScalarFunction {

    public Long eval(Long count, Integer percent) {
        if (count == null || count == 0 || percent == null) {
            return null;
        }
        return NearestRankPercentile.rank(count, percent);
    }
}
