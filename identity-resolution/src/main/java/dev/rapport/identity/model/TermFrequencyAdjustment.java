package dev.rapport.identity.model;

import dev.rapport.identity.compare.MatchField;

/**
 * Term-frequency adjustment of exact name agreement, as Splink does it: two records that agree
 * exactly on a name agree on one value, and among non-matches that happens about as often as the
 * value occurs, so u of that agreement is the value's frequency among the records rather than the
 * field's average. Agreeing on "nenad" in a population full of Nenads is weaker evidence than
 * agreeing on a rare name. The adjustment is the log-odds to add to the pair's match weight:
 * ln(u of exact agreement / the value's frequency), for each name field that agrees exactly.
 *
 * <p>A value's frequency is taken at least {@link #MIN_FREQUENCY_RECORDS} records over the total,
 * so a name seen once or twice (often a typo) is not made near-certain evidence.
 */
public final class TermFrequencyAdjustment {

    static final long MIN_FREQUENCY_RECORDS = 2;

    private final long givenNames;
    private final long familyNames;

    /** {@code givenNames}, {@code familyNames}: how many records have a given, a family name. */
    public TermFrequencyAdjustment(long givenNames, long familyNames) {
        if (givenNames < 0 || familyNames < 0) {
            throw new IllegalArgumentException("name counts must not be negative");
        }
        this.givenNames = givenNames;
        this.familyNames = familyNames;
    }

    /**
     * The log-odds to add to a pair's match weight. {@code givenNameCount}, {@code familyNameCount}:
     * how many records share the agreeing value (0: unknown, no adjustment).
     */
    public double logOdds(FellegiSunterModel model, int pattern, long givenNameCount, long familyNameCount) {
        return field(model, pattern, MatchField.GIVEN_NAME, givenNameCount, givenNames)
                + field(model, pattern, MatchField.FAMILY_NAME, familyNameCount, familyNames);
    }

    private static double field(FellegiSunterModel model, int pattern, MatchField field, long count, long total) {
        if (ComparisonPattern.level(pattern, field) != 1 || count <= 0 || total <= 0) {
            return 0;
        }
        double frequency = Math.min(1.0, Math.max(count, MIN_FREQUENCY_RECORDS) / (double) total);
        return Math.log(model.u(field, 1) / frequency);
    }
}
