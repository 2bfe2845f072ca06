package dev.rapport.metrics.nps;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.metrics.config.MetricsConfig;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestNpsDailyStatements {

    private final NpsDailyStatements statements = new NpsDailyStatements();

    @Test
    void everyDayByDefault() {
        String insert = statements.insertOverwrite(MetricsConfig.defaults());

        assertThat(insert).contains("INSERT OVERWRITE metrics.nps_daily");
        assertThat(insert).contains("AND TRUE\n");
        assertThat(insert).doesNotContain("${").doesNotContain("TO_TIMESTAMP_LTZ");
        assertThat(statements.totals(MetricsConfig.defaults()))
                .contains("WHERE TRUE\n")
                .doesNotContain("${");
    }

    @Test
    void rangeIsWidenedToWholeMonths() {
        MetricsConfig config =
                new MetricsConfig(Optional.of(LocalDate.of(2024, 2, 10)), Optional.of(LocalDate.of(2024, 3, 5)));

        // 2024-02-01T00:00Z = 1706745600000 ms; 2024-04-01T00:00Z = 1711929600000 ms
        assertThat(statements.insertOverwrite(config))
                .contains("TRUE AND i.event_time >= TO_TIMESTAMP_LTZ(1706745600000, 3)"
                        + " AND i.event_time < TO_TIMESTAMP_LTZ(1711929600000, 3)");
        // The timeline is read over the same months as staging.
        assertThat(statements.insertOverwrite(config, true))
                .contains("TRUE AND i.event_time >= TO_TIMESTAMP_LTZ(1706745600000, 3)")
                .contains("AND TRUE AND event_time >= TO_TIMESTAMP_LTZ(1706745600000, 3)"
                        + " AND event_time < TO_TIMESTAMP_LTZ(1711929600000, 3)\n")
                .doesNotContain("${");
        assertThat(statements.totals(config))
                .contains("WHERE TRUE AND `day` >= DATE '2024-02-01' AND `day` <= DATE '2024-03-31'");
    }

    @Test
    void segmentIsUnknownWithoutTheTimeline() {
        String insert = statements.insertOverwrite(MetricsConfig.defaults(), false);

        assertThat(insert)
                .contains("CAST('unknown' AS STRING) AS segment")
                .doesNotContain("FROM metrics.customer_timeline")
                .doesNotContain("JOIN metrics.customer_rfm")
                .isEqualTo(statements.insertOverwrite(MetricsConfig.defaults()));
    }

    @Test
    void segmentComesFromTheTimelineAndRfm() {
        String insert = statements.insertOverwrite(MetricsConfig.defaults(), true);

        assertThat(insert)
                .contains("FROM metrics.customer_timeline")
                .contains("LEFT JOIN metrics.customer_rfm AS r ON r.customer_id = c.customer_id")
                .contains("COALESCE(r.rfm_segment, CAST('no_purchase' AS STRING))")
                .contains("GROUP BY `day`, channel, touchpoint, `language`, segment")
                .doesNotContain("${");
        // One respondent, one voice does not depend on the segment.
        assertThat(insert).contains("PARTITION BY `day`, channel, touchpoint, respondent\n");
    }

    @Test
    void openEndedRange() {
        MetricsConfig config = new MetricsConfig(Optional.empty(), Optional.of(LocalDate.of(2024, 2, 10)));

        assertThat(statements.totals(config)).contains("WHERE TRUE AND `day` <= DATE '2024-02-29'");
        assertThat(statements.insertOverwrite(config)).doesNotContain("event_time >=");
    }
}
