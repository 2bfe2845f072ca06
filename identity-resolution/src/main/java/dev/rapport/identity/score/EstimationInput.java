package dev.rapport.identity.score;

import dev.rapport.identity.compare.MatchRecord;

/**
 * What the Fellegi-Sunter estimate is made of, as one stream: how many distinct candidate pairs
 * one partition saw with a comparison pattern, a record of the random sample that u is estimated
 * from, or one partition's record and name counts. A Flink POJO.
 */
public class EstimationInput {

    /** Pattern counts only: the comparison pattern. */
    public int pattern;
    /** Pattern counts only: distinct candidate pairs with {@link #pattern}. */
    public long pairs;
    /** Sample records only. */
    public MatchRecord sample;
    /** Record counts only: how many records one partition of the input had. */
    public long records;
    /** Record counts only: how many of them have a given name, a family name. */
    public long givenNames;

    public long familyNames;

    public EstimationInput() {}

    public static EstimationInput patternCount(int pattern, long pairs) {
        EstimationInput input = new EstimationInput();
        input.pattern = pattern;
        input.pairs = pairs;
        return input;
    }

    public static EstimationInput sample(MatchRecord record) {
        EstimationInput input = new EstimationInput();
        input.sample = record;
        return input;
    }

    /** How many records one partition holds, and how many of them have a given and a family name. */
    public static EstimationInput recordCount(long records, long givenNames, long familyNames) {
        EstimationInput input = new EstimationInput();
        input.records = records;
        input.givenNames = givenNames;
        input.familyNames = familyNames;
        return input;
    }

    public boolean isPatternCount() {
        return pairs > 0;
    }

    @Override
    public String toString() {
        if (sample != null) {
            return "sample " + sample;
        }
        return isPatternCount() ? "pattern " + pattern + " x" + pairs : "records " + records;
    }
}
