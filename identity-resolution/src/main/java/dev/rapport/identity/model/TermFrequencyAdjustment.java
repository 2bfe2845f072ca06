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
 * <p>The frequency that matters is among the other records: those that could be a non-match of the
 * pair. So the pair's own two records are not counted (in duplicate-rich data a person's name would
 * otherwise look common because of that person's own records), and a name nobody else has counts
 * as {@link #MIN_FREQUENCY_RECORDS} record over the total.
 */
public final class TermFrequencyAdjustment implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    static final long MIN_FREQUENCY_RECORDS = 1;
    private static final long PAIR = 2;

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

    /** The part of {@link #logOdds} that the given name contributes. */
    public double givenName(FellegiSunterModel model, int pattern, long givenNameCount) {
        return field(model, pattern, MatchField.GIVEN_NAME, givenNameCount, givenNames);
    }

    /** The part of {@link #logOdds} that the family name contributes. */
    public double familyName(FellegiSunterModel model, int pattern, long familyNameCount) {
        return field(model, pattern, MatchField.FAMILY_NAME, familyNameCount, familyNames);
    }

    /** Records with a given name, with a family name: the totals the frequencies are taken of. */
    public long givenNames() {
        return givenNames;
    }

    public long familyNames() {
        return familyNames;
    }

    private static double field(FellegiSunterModel model, int pattern, MatchField field, long count, long total) {
        if (ComparisonPattern.level(pattern, field) != 1 || count <= 0 || total <= 0) {
            return 0;
        }
        long others = count - PAIR;
        double frequency = Math.min(1.0, Math.max(others, MIN_FREQUENCY_RECORDS) / (double) total);
        return Math.log(model.u(field, 1) / frequency);
    }
}
