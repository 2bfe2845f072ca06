package dev.rapport.identity.model;

import dev.rapport.identity.compare.MatchField;

/**
 * Why a comparison pattern scores the probability it does: the prior weight and each field's
 * match weight (log2 m/u of its level, 0 for a missing value) of the view of the model that decided
 * the probability ({@link FellegiSunterModel#decidingView}). {@code total = prior + sum(fields)} is
 * the log2 odds of the match probability: {@code probability = 1 / (1 + 2^-total)}.
 *
 * <p>{@code fields} is indexed by {@link MatchField} ordinal and is not copied: one instance serves
 * every pair of a pattern.
 */
public record PatternWeights(double probability, double prior, double[] fields) {

    public static PatternWeights of(FellegiSunterModel model, int pattern) {
        FellegiSunterModel view = model.decidingView(pattern);
        double[] fields = new double[ComparisonPattern.FIELDS.length];
        for (MatchField field : ComparisonPattern.FIELDS) {
            fields[field.ordinal()] = view.weight(field, ComparisonPattern.level(pattern, field));
        }
        return new PatternWeights(model.matchProbability(pattern), view.priorWeight(), fields);
    }

    /** The prior plus every field's weight: the log2 odds of {@link #probability()}. */
    public double total() {
        double total = prior;
        for (double weight : fields) {
            total += weight;
        }
        return total;
    }
}
