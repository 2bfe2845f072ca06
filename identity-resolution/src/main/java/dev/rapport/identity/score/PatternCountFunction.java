package dev.rapport.identity.score;

import java.util.HashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;

/**
 * Counts one partition's distinct candidate pairs by comparison pattern
 * ({@link CandidatePatternFunction}): millions of pairs become
 * a few thousand counts, which is all the estimate needs of them. Counts are whole numbers, so
 * their sum over partitions is the same at any parallelism.
 */
public final class PatternCountFunction implements MapPartitionFunction<Integer, EstimationInput> {

    private static final long serialVersionUID = 1L;

    @Override
    public void mapPartition(Iterable<Integer> patterns, Collector<EstimationInput> out) {
        Map<Integer, Long> counts = new HashMap<>();
        for (Integer pattern : patterns) {
            counts.merge(pattern, 1L, Long::sum);
        }
        counts.forEach((pattern, count) -> out.collect(EstimationInput.patternCount(pattern, count)));
    }
}
