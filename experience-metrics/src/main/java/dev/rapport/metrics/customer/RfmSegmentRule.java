package dev.rapport.metrics.customer;

/**
 * The RFM segment of a customer from their scores r (recency), f (frequency) and m (monetary),
 * each 1-5 with 5 best. The first rule that matches wins:
 *
 * <pre>
 *   champions           r 4-5, f 4-5, m 4-5
 *   loyal               r 3-5, f 4-5
 *   cant_lose_them      r 1,   f 4-5     (bought often, gone longest)
 *   at_risk             r 1-2, f 3-5
 *   potential_loyalist  r 4-5, f 2-3
 *   new_customer        r 4-5, f 1
 *   needs_attention     r 3,   f 3
 *   promising           r 3,   f 1-2
 *   hibernating         r 2,   f 1-2
 *   lost                r 1,   f 1-2
 * </pre>
 *
 * Every combination of scores falls in exactly one segment; m only separates champions from loyal.
 */
public final class RfmSegmentRule {

    private RfmSegmentRule() {}

    public static RfmSegment segment(int r, int f, int m) {
        check(r, "r");
        check(f, "f");
        check(m, "m");
        if (r >= 4 && f >= 4 && m >= 4) {
            return RfmSegment.CHAMPIONS;
        }
        if (r >= 3 && f >= 4) {
            return RfmSegment.LOYAL;
        }
        if (r == 1 && f >= 4) {
            return RfmSegment.CANT_LOSE_THEM;
        }
        if (r <= 2 && f >= 3) {
            return RfmSegment.AT_RISK;
        }
        if (r >= 4) {
            return f >= 2 ? RfmSegment.POTENTIAL_LOYALIST : RfmSegment.NEW_CUSTOMER;
        }
        if (r == 3) {
            return f == 3 ? RfmSegment.NEEDS_ATTENTION : RfmSegment.PROMISING;
        }
        return r == 2 ? RfmSegment.HIBERNATING : RfmSegment.LOST;
    }

    /**
     * The quintile score of a value: 1 + floor(5 * worse / customers), where worse is the number
     * of customers whose value is strictly worse. Equal values get equal scores, whatever the
     * order of the rows.
     */
    public static int quintile(long worse, long customers) {
        if (customers < 1 || worse < 0 || worse >= customers) {
            throw new IllegalArgumentException("worse must be 0 to customers - 1, got " + worse + " of " + customers);
        }
        return (int) (1 + (5 * worse) / customers);
    }

    private static void check(int score, String name) {
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException(name + " score must be 1 to 5, got " + score);
        }
    }
}
