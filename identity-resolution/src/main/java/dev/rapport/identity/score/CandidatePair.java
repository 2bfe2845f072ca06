package dev.rapport.identity.score;

import dev.rapport.identity.compare.Comparison;

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
    /** Sample records only. */
    public dev.rapport.identity.compare.MatchRecord sample;
    /** Record counts only: how many records one partition of the input had. */
    public long records;

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

    public static CandidatePair sample(dev.rapport.identity.compare.MatchRecord record) {
        CandidatePair pair = new CandidatePair();
        pair.sample = record;
        return pair;
    }

    /** How many records one partition holds; the scorer needs the total for the prior of a random pair. */
    public static CandidatePair recordCount(long records) {
        CandidatePair pair = new CandidatePair();
        pair.records = records;
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
