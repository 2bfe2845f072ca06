package dev.rapport.identity.score;

import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;

/**
 * Counts one partition's distinct candidate pairs by comparison pattern: millions of pairs become
 * a few thousand counts, which is all the estimate needs of them. Counts are whole numbers, so
 * their sum over partitions is the same at any parallelism.
 */
public final class PatternCountFunction implements MapPartitionFunction<CandidatePair, EstimationInput> {

    private static final long serialVersionUID = 1L;

    @Override
    public void mapPartition(Iterable<CandidatePair> pairs, Collector<EstimationInput> out) {
        Map<Integer, Long> counts = new TreeMap<>();
        for (CandidatePair pair : pairs) {
            counts.merge(pair.pattern, 1L, Long::sum);
        }
        counts.forEach((pattern, count) -> out.collect(EstimationInput.patternCount(pattern, count)));
    }
}
