package dev.rapport.metrics.nps;

/**
 * The Net Promoter Score classification of one answer to "how likely are you to recommend us",
 * on the 0 to 10 scale: 9-10 promoter, 7-8 passive, 0-6 detractor.
 *
 * <p>{@code nps_daily.sql} states the same rule in SQL; the two are checked against each other in
 * the tests, so change both together.
 */
public final class NpsScore {

    public static final int MIN = 0;
    public static final int MAX = 10;

    private NpsScore() {}

    /** True when {@code score} is on the NPS scale; ingestion quarantines any other score. */
    public static boolean isValid(int score) {
        return score >= MIN && score <= MAX;
    }

    public static NpsCategory classify(int score) {
        if (!isValid(score)) {
            throw new IllegalArgumentException("an NPS score is " + MIN + " to " + MAX + ", got " + score);
        }
        if (score >= 9) {
            return NpsCategory.PROMOTER;
        }
        if (score >= 7) {
            return NpsCategory.PASSIVE;
        }
        return NpsCategory.DETRACTOR;
    }
}
