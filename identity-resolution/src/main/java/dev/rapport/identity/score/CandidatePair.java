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
    /** Sample records only. */
    public dev.rapport.identity.compare.MatchRecord sample;

    public CandidatePair() {}

    public static CandidatePair of(String first, String second, Comparison comparison) {
        CandidatePair pair = new CandidatePair();
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

    public String key() {
        return first + "|" + second;
    }

    @Override
    public String toString() {
        return sample == null ? first + "~" + second + " " + pattern : "sample " + sample;
    }
}
