package dev.rapport.identity.score;

import dev.rapport.identity.compare.Comparison;
import dev.rapport.identity.compare.MatchField;
import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.model.ComparisonPattern;

/**
 * Two records of one candidate block and how they compare ({@code first} &lt; {@code second}):
 * what the {@link ProbabilisticLinker} scores. Made and scored where the block is compared, never
 * sent anywhere.
 */
public final class CandidatePair {

    public final String first;
    public final String second;
    /** The comparison pattern. */
    public final int pattern;

    public final boolean guarded;

    /** How many records share the given name (and the family name) the pair agrees on exactly; 0 if not. */
    public final int givenNameCount;

    public final int familyNameCount;

    private CandidatePair(String first, String second, Comparison comparison, int givenNameCount, int familyNameCount) {
        this.first = first;
        this.second = second;
        this.pattern = ComparisonPattern.encode(comparison.levels());
        this.guarded = comparison.guarded();
        this.givenNameCount = givenNameCount;
        this.familyNameCount = familyNameCount;
    }

    public static CandidatePair of(String first, String second, Comparison comparison) {
        return new CandidatePair(first, second, comparison, 0, 0);
    }

    /**
     * The pair of {@code first} and {@code second} records, with the counts of the names they agree on
     * exactly (the first record's: with names swapped, its given name is the agreeing value).
     */
    public static CandidatePair of(MatchRecord first, MatchRecord second, Comparison comparison) {
        return new CandidatePair(
                first.recordId,
                second.recordId,
                comparison,
                comparison.level(MatchField.GIVEN_NAME) == 1 ? first.givenNameCount : 0,
                comparison.level(MatchField.FAMILY_NAME) == 1 ? first.familyNameCount : 0);
    }

    @Override
    public String toString() {
        return first + "~" + second + " " + pattern;
    }
}
