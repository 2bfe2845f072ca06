package dev.rapport.identity.score;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.compare.RecordComparator;
import dev.rapport.identity.model.ComparisonPattern;
import dev.rapport.identity.model.FellegiSunterModel;
import dev.rapport.identity.model.ModelEstimator;
import dev.rapport.identity.model.TermFrequencyAdjustment;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Fellegi-Sunter estimate without labels, from what the parallel operators sent: u from the
 * random sample (each sampled record paired with its next {@link #SAMPLE_NEIGHBOURS} in record id
 * order), m and lambda by expectation maximisation over the distinct candidate pairs' pattern
 * counts ({@link ModelEstimator}), and the record and name totals.
 *
 * <p>Pure logic. The sample is kept in record id order and the counts in sorted maps, so the
 * estimate does not depend on arrival order or parallelism. Its memory is the sample and one count
 * per distinct pattern, whatever the number of pairs.
 */
public final class ModelEstimation {

    /** Records kept in the random sample. */
    public static final int SAMPLE_SIZE = 4000;
    /** Each sampled record is paired with this many of its successors in record id order. */
    static final int SAMPLE_NEIGHBOURS = 25;

    private final RecordComparator comparator;
    private final TreeMap<String, MatchRecord> sample = new TreeMap<>();
    private final SortedMap<Integer, Long> candidates = new TreeMap<>();
    private long candidatePairs;
    private long records;
    private long givenNames;
    private long familyNames;

    public ModelEstimation(RecordComparator comparator) {
        this.comparator = requireNonNull(comparator, "comparator is null");
    }

    public void add(EstimationInput input) {
        if (input.isPatternCount()) {
            candidates.merge(input.pattern, input.pairs, Long::sum);
            candidatePairs += input.pairs;
        } else if (input.sample != null) {
            sample.put(input.sample.recordId, input.sample);
            if (sample.size() > SAMPLE_SIZE) {
                sample.pollLastEntry();
            }
        } else {
            records += input.records;
            givenNames += input.givenNames;
            familyNames += input.familyNames;
        }
    }

    /** Distinct candidate pairs counted. */
    public long candidatePairs() {
        return candidatePairs;
    }

    public FellegiSunterModel estimate() {
        SortedMap<Integer, Long> random = new TreeMap<>();
        List<MatchRecord> sampled = new ArrayList<>(sample.values());
        for (int i = 0; i < sampled.size(); i++) {
            for (int j = i + 1; j <= i + SAMPLE_NEIGHBOURS && j < sampled.size(); j++) {
                byte[] levels =
                        comparator.compare(sampled.get(i), sampled.get(j)).levels();
                random.merge(ComparisonPattern.encode(levels), 1L, Long::sum);
            }
        }
        double[][] randomU = ModelEstimator.estimateU(random);
        return ModelEstimator.forAllPairs(
                ModelEstimator.estimate(candidates, randomU), randomU, candidatePairs, records);
    }

    /** The name totals a term-frequency adjustment divides by. */
    public TermFrequencyAdjustment termFrequencies() {
        return new TermFrequencyAdjustment(givenNames, familyNames);
    }
}
