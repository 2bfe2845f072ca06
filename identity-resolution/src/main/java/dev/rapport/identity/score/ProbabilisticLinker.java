package dev.rapport.identity.score;

import dev.rapport.identity.config.ProbabilisticConfig;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.model.ComparisonPattern;
import dev.rapport.identity.model.FellegiSunterModel;
import dev.rapport.identity.model.PatternWeights;
import dev.rapport.identity.model.TermFrequencyAdjustment;
import java.util.Map;

/**
 * The Fellegi-Sunter link rule for one candidate pair under an estimated model
 * ({@link ModelEstimation}): an unguarded pair is linked when its match probability reaches the
 * threshold and its conflicting fields (birth date, national id) are outweighed
 * ({@link ConflictingFieldsRule}). The probability is that of a pair among all pairs of records
 * (see {@link dev.rapport.identity.model.ModelEstimator#forAllPairs}), with the term-frequency
 * adjustment of the names the pair agrees on exactly.
 *
 * <p>Pure logic: with the model fixed, a pair's link depends on the pair alone, so pairs are
 * scored in parallel.
 */
public final class ProbabilisticLinker {

    public static final String RULE = "probabilistic";

    private final double threshold;
    private final ConflictingFieldsRule conflicts;

    public ProbabilisticLinker(double threshold) {
        this(threshold, ProbabilisticConfig.CONFLICT_OVERRIDE_DEFAULT);
    }

    /** {@code conflictOverride}: see {@link ConflictingFieldsRule}. */
    public ProbabilisticLinker(double threshold, double conflictOverride) {
        this.threshold = threshold;
        this.conflicts = new ConflictingFieldsRule(conflictOverride);
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

    /** {@link #link(CandidatePair, FellegiSunterModel, PatternWeights)} with the pair's {@link #score}. */
    public Link link(
            CandidatePair pair,
            FellegiSunterModel model,
            TermFrequencyAdjustment termFrequencies,
            Map<Integer, PatternWeights> cache) {
        return pair.guarded ? null : link(pair, model, score(model, pair, termFrequencies, cache));
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
}
