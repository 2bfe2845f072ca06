package dev.rapport.identity.score;

import dev.rapport.identity.compare.Comparison;
import dev.rapport.identity.compare.MatchField;
import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.model.ComparisonPattern;

/**
 * Two records of one candidate block and how they compare ({@code first} &lt; {@code second}). A
 * pair can share several blocks: {@link ComparedPairFunction} makes it one, with all its blocks.
 * A Flink POJO.
 */
public class CandidatePair {

    public String first;
    public String second;
    /** The comparison pattern. */
    public int pattern;

    public boolean guarded;
    /** The candidate block the pair was compared in (a pair can share several). */
    public String block;

    /** Once distinct ({@link ComparedPairFunction}): every candidate block the pair was compared in, sorted. */
    public String[] blocks;

    /**
     * Once distinct, in an incremental run: the pair's link from the previous run in a block not
     * compared again, or null. It stands when the pair no longer links in the blocks compared now.
     */
    public Link kept;

    /** How many records share the given name (and the family name) the pair agrees on exactly; 0 if not. */
    public int givenNameCount;

    public int familyNameCount;

    public CandidatePair() {}

    public static CandidatePair of(String first, String second, Comparison comparison) {
        return of(first, second, comparison, null);
    }

    public static CandidatePair of(String first, String second, Comparison comparison, String block) {
        CandidatePair pair = new CandidatePair();
        pair.block = block;
        pair.first = first;
        pair.second = second;
        pair.pattern = ComparisonPattern.encode(comparison.levels());
        pair.guarded = comparison.guarded();
        return pair;
    }

    /**
     * The pair of {@code first} and {@code second} records, with the counts of the names they agree on
     * exactly (the first record's: with names swapped, its given name is the agreeing value).
     */
    public static CandidatePair of(MatchRecord first, MatchRecord second, Comparison comparison) {
        return of(first, second, comparison, null);
    }

    /** As {@link #of(MatchRecord, MatchRecord, Comparison)}, compared in candidate block {@code block}. */
    public static CandidatePair of(MatchRecord first, MatchRecord second, Comparison comparison, String block) {
        CandidatePair pair = of(first.recordId, second.recordId, comparison, block);
        if (comparison.level(MatchField.GIVEN_NAME) == 1) {
            pair.givenNameCount = first.givenNameCount;
        }
        if (comparison.level(MatchField.FAMILY_NAME) == 1) {
            pair.familyNameCount = first.familyNameCount;
        }
        return pair;
    }

    public String key() {
        return first + "|" + second;
    }

    @Override
    public String toString() {
        return first + "~" + second + " " + pattern;
    }
}
