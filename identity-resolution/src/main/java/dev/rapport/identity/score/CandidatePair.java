package dev.rapport.identity.score;

import dev.rapport.identity.compare.Comparison;
import dev.rapport.identity.compare.MatchField;
import dev.rapport.identity.compare.MatchRecord;

/**
 * Two records of one candidate block and how they compare ({@code first} &lt; {@code second}), or
 * a record of the random sample that u is estimated from. One type so both reach the scoring
 * operator in one stream. A Flink POJO.
 */
public class CandidatePair {

    public String first;
    public String second;
    /** Pairs only: the comparison pattern. */
    public int pattern;

    public boolean guarded;
    /** Pairs only: the candidate block the pair was compared in (a pair can share several). */
    public String block;

    /** Pairs only: how many records share the given name (and the family name) the pair agrees on exactly; 0 if not. */
    public int givenNameCount;

    public int familyNameCount;
    /** Sample records only. */
    public dev.rapport.identity.compare.MatchRecord sample;
    /** Record counts only: how many records one partition of the input had. */
    public long records;
    /** Record counts only: how many of them have a given name, a family name. */
    public long givenNames;

    public long familyNames;

    public CandidatePair() {}

    public static CandidatePair of(String first, String second, Comparison comparison) {
        return of(first, second, comparison, null);
    }

    public static CandidatePair of(String first, String second, Comparison comparison, String block) {
        CandidatePair pair = new CandidatePair();
        pair.block = block;
        pair.first = first;
        pair.second = second;
        pair.pattern = dev.rapport.identity.model.ComparisonPattern.encode(comparison.levels());
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

    public static CandidatePair sample(dev.rapport.identity.compare.MatchRecord record) {
        CandidatePair pair = new CandidatePair();
        pair.sample = record;
        return pair;
    }

    /** How many records one partition holds; the scorer needs the total for the prior of a random pair. */
    public static CandidatePair recordCount(long records) {
        return recordCount(records, 0, 0);
    }

    /** How many records one partition holds, and how many of them have a given and a family name. */
    public static CandidatePair recordCount(long records, long givenNames, long familyNames) {
        CandidatePair pair = new CandidatePair();
        pair.records = records;
        pair.givenNames = givenNames;
        pair.familyNames = familyNames;
        return pair;
    }

    public boolean isRecordCount() {
        return sample == null && first == null;
    }

    public String key() {
        return first + "|" + second;
    }

    @Override
    public String toString() {
        if (isRecordCount()) {
            return "records " + records;
        }
        return sample == null ? first + "~" + second + " " + pattern : "sample " + sample;
    }
}
