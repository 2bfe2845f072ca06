package dev.rapport.metrics.feed.function;

import dev.rapport.metrics.feed.CustomerSegments;
import java.time.LocalDate;
import org.apache.flink.table.annotation.DataTypeHint;
import org.apache.flink.table.functions.ScalarFunction;

/** {@code rapport_customer_segments(as_of, rfm_segment, risk_band, last_nps, last_nps_day)}: {@link CustomerSegments#of}. */
public final class CustomerSegmentsFunction extends ScalarFunction {

    private static final long serialVersionUID = 1L;

    public @DataTypeHint("ARRAY<STRING NOT NULL>") String[] eval(
            LocalDate asOf, String rfmSegment, String riskBand, Integer lastNps, LocalDate lastNpsDay) {
        return CustomerSegments.of(asOf, rfmSegment, riskBand, lastNps, lastNpsDay)
                .toArray(String[]::new);
    }
}
