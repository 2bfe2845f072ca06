package dev.rapport.identity.score;

import dev.rapport.identity.compare.MatchRecord;
import java.util.TreeMap;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the {@code size} records with the smallest record ids. Record ids are hashes, so this is a
 * random sample, and the same one whatever the parallelism: the estimating operator applies the same
 * rule again over every partition's sample. Each partition also sends its record count, and how
 * many of its records have a given and a family name (for the term-frequency adjustment).
 */
public final class SampleFunction implements MapPartitionFunction<MatchRecord, EstimationInput> {

    private static final long serialVersionUID = 1L;

    private final int size;

    public SampleFunction(int size) {
        this.size = size;
    }

    @Override
    public void mapPartition(Iterable<MatchRecord> records, Collector<EstimationInput> out) {
        TreeMap<String, MatchRecord> smallest = new TreeMap<>();
        long count = 0;
        long givenNames = 0;
        long familyNames = 0;
        for (MatchRecord record : records) {
            count++;
            givenNames += record.givenName == null ? 0 : 1;
            familyNames += record.familyName == null ? 0 : 1;
            if (smallest.size() < size || record.recordId.compareTo(smallest.lastKey()) < 0) {
                smallest.put(record.recordId, record);
                if (smallest.size() > size) {
                    smallest.pollLastEntry();
                }
            }
        }
        smallest.values().forEach(record -> out.collect(EstimationInput.sample(record)));
        out.collect(EstimationInput.recordCount(count, givenNames, familyNames));
    }
}
