package dev.rapport.metrics.feedback;

/**
 * The sentiment of one comment.
 *
 * @param positive sum of the positive weights found (after negation)
 * @param negative sum of the negative weights found, as a positive number (after negation)
 */
public record Sentiment(int positive, int negative) {

    public static final String POSITIVE = "positive";
    public static final String NEUTRAL = "neutral";
    public static final String NEGATIVE = "negative";

    public Sentiment {
        if (positive < 0 || negative < 0) {
            throw new IllegalArgumentException("negative sums: positive " + positive + ", negative " + negative);
        }
    }

    /** {@code (positive - negative) / (positive + negative)}, from -1 to +1; 0 without sentiment words. */
    public double score() {
        return positive + negative == 0 ? 0.0 : (double) (positive - negative) / (positive + negative);
    }

    /** positive, negative or neutral (as many positive as negative weight, or none). */
    public String label() {
        return positive > negative ? POSITIVE : negative > positive ? NEGATIVE : NEUTRAL;
    }
}
