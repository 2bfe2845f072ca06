package dev.rapport.metrics.customer.function;

import dev.rapport.metrics.customer.RfmSegmentRule;
import org.apache.flink.table.functions.ScalarFunction;

/** {@code rapport_rfm_segment(r, f, m)}: {@link RfmSegmentRule}'s segment name; NULL if a score is. */
public final class RfmSegmentFunction extends ScalarFunction {

    public String eval(Integer r, Integer f, Integer m) {
        if (r == null || f == null || m == null) {
            return null;
        }
        return RfmSegmentRule.segment(r, f, m).label();
    }
}
