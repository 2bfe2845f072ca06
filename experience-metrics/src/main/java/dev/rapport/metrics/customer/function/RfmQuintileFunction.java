package dev.rapport.metrics.customer.function;

import dev.rapport.metrics.customer.RfmSegmentRule;
import org.apache.flink.table.functions.ScalarFunction;

/** {@code rapport_rfm_quintile(worse, customers)}: {@link RfmSegmentRule#quintile}. */
public final class RfmQuintileFunction extends ScalarFunction {

    public Integer eval(Long worse, Long customers) {
        if (worse == null || customers == null) {
            return null;
        }
        return RfmSegmentRule.quintile(worse, customers);
    }
}
