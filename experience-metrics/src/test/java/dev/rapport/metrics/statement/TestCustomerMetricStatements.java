package dev.rapport.metrics.statement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.schemas.table.RapportTables;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestCustomerMetricStatements {

    @Test
    void asOfIsTheLatestInteractionsDayByDefault() {
        MetricStatements statements = new MetricStatements(MetricsConfig.defaults());

        MetricStatement rfm = statements.derivedInserts(true).stream()
                .filter(statement -> statement.table().equals(RapportTables.CUSTOMER_RFM))
                .findFirst()
                .orElseThrow();
        assertThat(rfm.insert())
                .contains("SELECT CAST(MAX(event_time) AS DATE) AS as_of FROM staging.interactions")
                .contains("(CAST('EUR' AS STRING), CAST(1 AS DECIMAL(12, 6)))")
                .contains("TIMESTAMPADD(DAY, -365, a.as_of)")
                .doesNotContain("${");
    }

    @Test
    void asOfIsTheLastDayRecomputedWhenToIsSet() {
        MetricsConfig config = MetricsConfig.fromMap(
                Map.of(
                        "to",
                        "2024-03-05",
                        "rfm",
                        Map.of("currency", "USD", "exchange_rates", Map.of("EUR", 1.08)),
                        "health",
                        Map.of("window_days", 30)),
                "metrics");
        MetricStatements statements = new MetricStatements(config);

        assertThat(config.asOfDay()).contains(LocalDate.of(2024, 3, 31));
        for (MetricStatement statement : statements.derivedInserts(true)) {
            assertThat(statement.insert()).doesNotContain("${");
        }
        String health = statements.derivedInserts(true).get(2).insert();
        assertThat(health)
                .contains("INSERT OVERWRITE metrics.customer_health")
                .contains("SELECT DATE '2024-03-31' AS as_of")
                .contains("TIMESTAMPADD(DAY, -30, as_of)");
        assertThat(statements.derivedInserts(true).get(1).insert())
                .contains("(CAST('EUR' AS STRING), CAST(1.08 AS DECIMAL(12, 6)))")
                .contains("CAST('USD' AS STRING) AS currency");
        assertThat(statements.finalInserts(true).get(0).insert())
                .contains("INSERT OVERWRITE metrics.ticket_priority")
                .contains("SELECT DATE '2024-03-31' AS as_of");
    }

    @Test
    void withoutATimelineThereAreNoCustomerTables() {
        MetricStatements statements = new MetricStatements(MetricsConfig.defaults());

        assertThat(statements.derivedInserts(false))
                .extracting(MetricStatement::table)
                .containsExactly(RapportTables.NPS_DRIVERS);
        assertThat(statements.finalInserts(false)).isEmpty();
        assertThat(MetricsConfig.defaults().asOfDay()).isEqualTo(Optional.empty());
    }
}
