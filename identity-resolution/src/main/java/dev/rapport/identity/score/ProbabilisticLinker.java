package dev.rapport.identity.score;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.compare.RecordComparator;
import dev.rapport.identity.config.ProbabilisticConfig;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.model.ComparisonPattern;
import dev.rapport.identity.model.FellegiSunterModel;
import dev.rapport.identity.model.ModelEstimator;
import dev.rapport.identity.model.PatternWeights;
import dev.rapport.identity.model.TermFrequencyAdjustment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Fellegi-Sunter matching over all candidate pairs: estimates the model without labels (u from
 * the random sample, m and lambda by expectation maximisation over the distinct candidate pairs),
 * then links every unguarded pair whose match probability reaches the threshold and whose
 * conflicting fields (birth date, national id) are outweighed ({@link ConflictingFieldsRule}). The
 * probability is that of a pair among all pairs of records (see {@link ModelEstimator#forAllPairs}).
 *
 * <p>Pure logic, fed by one operator. Pairs are deduplicated here (a pair can share several
 * blocks) and everything is sorted before it is summed or emitted, so the model and the links do
 * not depend on arrival order or parallelism.
 */
public final class ProbabilisticLinker {

    public static final String RULE = "probabilistic";

    /** Records kept in the random sample. */
    public static final int SAMPLE_SIZE = 4000;
    /** Each sampled record is paired with this many of its successors in hash order. */
    static final int SAMPLE_NEIGHBOURS = 25;

    private final RecordComparator comparator;
    private final double threshold;
    private final TreeMap<String, MatchRecord> sample = new TreeMap<>();
    private final Map<String, CandidatePair> pairs = new HashMap<>();
    private long records;
    private long givenNames;
    private long familyNames;
    private final ConflictingFieldsRule conflicts;

    public ProbabilisticLinker(RecordComparator comparator, double threshold) {
        this(comparator, threshold, ProbabilisticConfig.CONFLICT_OVERRIDE_DEFAULT);
    }

    /** {@code conflictOverride}: see {@link ConflictingFieldsRule}. */
    public ProbabilisticLinker(RecordComparator comparator, double threshold, double conflictOverride) {
        this.comparator = requireNonNull(comparator, "comparator is null");
        this.threshold = threshold;
        this.conflicts = new ConflictingFieldsRule(conflictOverride);
    }

    public void add(CandidatePair input) {
        if (input.isRecordCount()) {
            records += input.records;
            givenNames += input.givenNames;
            familyNames += input.familyNames;
        } else if (input.sample != null) {
            sample.put(input.sample.recordId, input.sample);
            if (sample.size() > SAMPLE_SIZE) {
                sample.pollLastEntry();
            }
        } else {
            pairs.putIfAbsent(input.key(), input);
        }
    }

    public int candidatePairs() {
        return pairs.size();
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
        SortedMap<Integer, Long> candidates = new TreeMap<>();
        for (CandidatePair pair : pairs.values()) {
            candidates.merge(pair.pattern, 1L, Long::sum);
        }
        double[][] randomU = ModelEstimator.estimateU(random);
        return ModelEstimator.forAllPairs(ModelEstimator.estimate(candidates, randomU), randomU, pairs.size(), records);
    }

    /**
     * The link of one pair with its levels and weights ({@code score}: the pair under the model,
     * with the term-frequency adjustment of the names it agrees on), or null: a guarded pair, one
     * below the threshold or one whose conflicting fields veto it.
     */
    public Link link(CandidatePair pair, FellegiSunterModel model, PatternWeights score) {
        if (pair.guarded
                || score.probability() < threshold
                || !conflicts.allows(pair.pattern, model, score.adjustment())) {
            return null;
        }
        return Link.probabilistic(
                pair.first,
                pair.second,
                RULE,
                score.probability(),
                ComparisonPattern.decode(pair.pattern),
                score.fields(),
                score.prior());
    }

    /**
     * The weights of a pair under {@code model}: with the term-frequency adjustment of the names it
     * agrees on exactly, or, when there is none, its pattern's weights (kept in {@code cache}).
     */
    public static PatternWeights score(
            FellegiSunterModel model,
            CandidatePair pair,
            TermFrequencyAdjustment termFrequencies,
            Map<Integer, PatternWeights> cache) {
        double givenName = termFrequencies.givenName(model, pair.pattern, pair.givenNameCount);
        double familyName = termFrequencies.familyName(model, pair.pattern, pair.familyNameCount);
        if (givenName == 0 && familyName == 0) {
            return cache.computeIfAbsent(pair.pattern, pattern -> PatternWeights.of(model, pattern));
        }
        return PatternWeights.of(model, pair.pattern, givenName, familyName);
    }

    /** The name counts this linker was given: the totals a term-frequency adjustment divides by. */
    public TermFrequencyAdjustment termFrequencies() {
        return new TermFrequencyAdjustment(givenNames, familyNames);
    }

    /**
     * Links of the pairs at or above the threshold and not guarded, in a fixed order, each with its
     * levels and weights ({@link PatternWeights}). A pair's probability includes the
     * {@link TermFrequencyAdjustment} of the names it agrees on exactly.
     */
    public List<Link> links(FellegiSunterModel model) {
        TermFrequencyAdjustment termFrequencies = termFrequencies();
        Map<Integer, PatternWeights> scores = new HashMap<>();
        List<Link> links = new ArrayList<>();
        for (CandidatePair pair : pairs.values()) {
            if (pair.guarded) {
                continue;
            }
            Link link = link(pair, model, score(model, pair, termFrequencies, scores));
            if (link != null) {
                links.add(link);
            }
        }
        links.sort(Comparator.comparing((Link link) -> link.fromRecordId).thenComparing(link -> link.toRecordId));
        return links;
    }
}
