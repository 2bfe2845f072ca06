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
public record PatternWeights(double probability, double prior, double[] fields, double adjustment) {

    private static final double LN_2 = Math.log(2);

    public static PatternWeights of(FellegiSunterModel model, int pattern) {
        return of(model, pattern, 0, 0);
    }

    /**
     * The weights of {@code pattern} with the term-frequency adjustments (log-odds, natural log) of
     * an exact given-name and family-name agreement added to those two fields' weights, so the
     * prior and the fields still add up to the log2 odds of the probability.
     */
    public static PatternWeights of(FellegiSunterModel model, int pattern, double givenName, double familyName) {
        FellegiSunterModel view = model.decidingView(pattern);
        double[] fields = new double[ComparisonPattern.FIELDS.length];
        for (MatchField field : ComparisonPattern.FIELDS) {
            fields[field.ordinal()] = view.weight(field, ComparisonPattern.level(pattern, field));
        }
        fields[MatchField.GIVEN_NAME.ordinal()] += givenName / LN_2;
        fields[MatchField.FAMILY_NAME.ordinal()] += familyName / LN_2;
        double adjustment = givenName + familyName;
        return new PatternWeights(
                model.matchProbability(pattern, null, adjustment), view.priorWeight(), fields, adjustment);
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
