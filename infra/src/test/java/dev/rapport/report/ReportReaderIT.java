package dev.rapport.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.report.ReportData.AtRisk;
import dev.rapport.report.ReportData.Transition;
import dev.rapport.runtime.Console;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.FlinkSqlCatalog;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader over a catalog that holds only the two tables other stages add, with the columns the
 * report relies on: the funnel and the customers at risk are read and aggregated, and every other
 * section reads as empty rather than failing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportReaderIT {

    private ReportData data;
    private final ByteArrayOutputStream progress = new ByteArrayOutputStream();

    @BeforeAll
    void readAFewRows(@TempDir Path dir) throws Exception {
        CatalogConfig catalog = CatalogConfig.embedded(dir);
        TableEnvironment tableEnv = TableEnvironment.create(
                EnvironmentSettings.newInstance().inBatchMode().build());
        FlinkSqlCatalog.register(tableEnv, catalog);
        tableEnv.executeSql("CREATE DATABASE IF NOT EXISTS metrics");
        tableEnv.executeSql("CREATE TABLE metrics.stage_transitions (cohort_month DATE, acquisition_channel STRING,"
                + " from_stage STRING, to_stage STRING, window_days INT, customers BIGINT, converted BIGINT,"
                + " conversion_rate DOUBLE, median_hours DOUBLE, p25_hours DOUBLE, p75_hours DOUBLE,"
                + " p90_hours DOUBLE)");
        tableEnv.executeSql("INSERT INTO metrics.stage_transitions VALUES"
                        // a shorter window, left out: customers would count once per window
                        + " (DATE '2026-01-01', 'email', 'lead', 'first_purchase', 30, 100, 20, 0.2, 1.0, 1.0, 1.0, 1.0),"
                        + " (DATE '2026-01-01', 'email', 'lead', 'first_purchase', 90, 100, 40, 0.4, 10.0, 5.0, 20.0, 30.0),"
                        + " (DATE '2026-02-01', 'web', 'lead', 'first_purchase', 90, 50, 10, 0.2, 40.0, 20.0, 60.0, 80.0),"
                        + " (DATE '2026-01-01', 'email', 'first_purchase', 'repeat_purchase', 90, 40, 8, 0.2,"
                        + " 100.0, 50.0, 200.0, 300.0),"
                        // a later step with a longer window of its own: kept
                        + " (DATE '2026-01-01', 'email', 'repeat_purchase', 'loyal', 365, 8, 2, 0.25,"
                        + " 500.0, 400.0, 600.0, 700.0)")
                .await();
        tableEnv.executeSql("CREATE TABLE metrics.customer_health (customer_id STRING, as_of DATE,"
                + " churn_risk DOUBLE, risk_band STRING, reasons STRING, last_nps INT, open_tickets INT,"
                + " breached_tickets INT)");
        List<String> rows = new ArrayList<>();
        // An older snapshot: its customer must not show up.
        rows.add("('c-old', DATE '2026-11-01', 0.99, 'high', 'stale', 0, 0, 0)");
        for (int i = 1; i <= 12; i++) {
            rows.add(String.format(
                    Locale.ROOT,
                    "('c-%02d', DATE '2026-11-30', %s, '%s', 'no purchase in 90 days; %d breached tickets', %d, %d, %d)",
                    i,
                    "CAST(" + (i / 12.0) + " AS DOUBLE)",
                    i > 9 ? "high" : "low",
                    i % 3,
                    i % 11,
                    i % 4,
                    i % 3));
        }
        tableEnv.executeSql("INSERT INTO metrics.customer_health VALUES " + String.join(", ", rows))
                .await();

        Console console = new Console(new PrintStream(progress, true, StandardCharsets.UTF_8), false);
        data = new ReportReader(catalog, 2, console).read();
    }

    @Test
    void theFunnelUsesTheLongestWindowAndWeighsCohortTimesByConversions() {
        assertThat(data.transitions()).isPresent();
        List<Transition> steps = data.transitions().get();

        assertThat(steps).extracting(Transition::from).containsExactly("lead", "first_purchase", "repeat_purchase");
        assertThat(steps.get(2).windowDays()).isEqualTo(365);
        Transition first = steps.get(0);
        assertThat(first.windowDays()).isEqualTo(90);
        assertThat(first.customers()).isEqualTo(150);
        assertThat(first.converted()).isEqualTo(50);
        // (10 * 40 + 40 * 10) / 50 and likewise for the other percentiles
        assertThat(first.medianHours()).isEqualTo(16.0);
        assertThat(first.p25Hours()).isEqualTo(8.0);
        assertThat(first.p75Hours()).isEqualTo(28.0);
        assertThat(first.p90Hours()).isEqualTo(40.0);
    }

    @Test
    void theTenRiskiestCustomersOfTheNewestSnapshotWithTheirReasons() {
        assertThat(data.health()).isPresent();
        ReportData.Health health = data.health().get();

        assertThat(health.asOf()).isEqualTo("2026-11-30");
        assertThat(health.mostAtRisk())
                .extracting(AtRisk::customerId)
                .containsExactly("c-12", "c-11", "c-10", "c-09", "c-08", "c-07", "c-06", "c-05", "c-04", "c-03");
        AtRisk top = health.mostAtRisk().get(0);
        assertThat(top.churnRisk()).isEqualTo(1.0);
        assertThat(top.reasons()).containsExactly("no purchase in 90 days", "0 breached tickets");
        assertThat(top.lastNps()).isEqualTo("1");
        assertThat(health.bands()).containsEntry("high", 3L).containsEntry("low", 9L);
    }

    @Test
    void tablesMissingFromTheCatalogReadAsEmptySections() {
        assertThat(data.npsByDay()).isEmpty();
        assertThat(data.email()).isEmpty();
        assertThat(data.identity().customers()).isZero();
        assertThat(progress.toString(StandardCharsets.UTF_8))
                .contains("metrics.nps_daily: not in the catalog")
                .contains("reading " + ReportReader.STAGE_TRANSITIONS);
    }

    @Test
    void thePageShowsTheFunnelAndTheTableAndNotesTheRest() {
        String html = new ReportPage(data, "now").html();

        assertThat(html).doesNotContain(ReportPage.NOT_COMPUTED + "</p></section><section id=\"at-risk\"");
        assertThat(html).contains("33.3% within 90 d").contains("<li>no purchase in 90 days</li>");
        assertThat(html).contains("No NPS answers yet");
    }
}
