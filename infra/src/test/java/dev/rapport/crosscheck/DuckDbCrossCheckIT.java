package dev.rapport.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.demo.Demo;
import dev.rapport.runtime.Console;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics job checked by a second engine: a generated company goes through ingest, resolve and
 * metrics on the embedded runtime; staging.interactions is exported to Parquet through Iceberg's
 * reader, and DuckDB computes the same metrics from their documented definitions
 * ({@link DuckDbMetrics}); the funnel's counts are recomputed from metrics.journey_stages. Every row must match: counts exactly, doubles within 1e-9.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DuckDbCrossCheckIT {

    private static final int PERSONS = 600;

    private Demo.Result run;
    private DuckDbMetrics duckdb;
    private long exported;

    @BeforeAll
    void runPipelineAndExport(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(output, true, StandardCharsets.UTF_8), false);
        run = new Demo(dir.resolve("demo"), PERSONS, 11, 2, console).run();
        Path parquet = dir.resolve("interactions.parquet");
        exported = ParquetExport.export(run.config().catalog(), RapportTables.INTERACTIONS, parquet);
        Path stages = dir.resolve("journey_stages.parquet");
        ParquetExport.export(run.config().catalog(), RapportTables.JOURNEY_STAGES, stages);
        duckdb = DuckDbMetrics.over(parquet, stages);
    }

    @AfterAll
    void close() throws Exception {
        if (duckdb != null) {
            duckdb.close();
        }
    }

    @Test
    void theExportHoldsEveryStagedInteraction() throws Exception {
        assertThat(exported).isEqualTo(read(RapportTables.INTERACTIONS).size()).isPositive();
        assertThat(duckdb.query("SELECT count(*) AS n FROM interactions").get(0).get("n"))
                .isEqualTo(exported);
    }

    @Test
    void npsDailyMatchesDuckDb() throws Exception {
        assertSameRows(
                RapportTables.NPS_DAILY,
                DuckDbMetrics.NPS_DAILY,
                List.of("day", "channel", "touchpoint", "language"),
                List.of("responses", "promoters", "passives", "detractors", "nps", "nps_ci_low", "nps_ci_high"));
    }

    @Test
    void csatDailyMatchesDuckDb() throws Exception {
        assertSameRows(
                RapportTables.CSAT_DAILY,
                DuckDbMetrics.CSAT_DAILY,
                List.of("day", "channel", "touchpoint"),
                List.of("responses", "satisfied", "csat", "mean_score"));
    }

    @Test
    void cesDailyMatchesDuckDb() throws Exception {
        assertSameRows(
                RapportTables.CES_DAILY,
                DuckDbMetrics.CES_DAILY,
                List.of("day", "channel", "touchpoint"),
                List.of("responses", "easy", "easy_share", "mean_score"));
    }

    @Test
    void emailEngagementMatchesDuckDb() throws Exception {
        assertSameRows(
                RapportTables.EMAIL_ENGAGEMENT,
                DuckDbMetrics.EMAIL_ENGAGEMENT,
                List.of("day", "campaign_id"),
                List.of(
                        "sent",
                        "delivered",
                        "bounced",
                        "unique_opens",
                        "machine_opens",
                        "unique_clicks",
                        "click_to_open",
                        "unsubscribes",
                        "spam_reports"));
    }

    @Test
    void stageTransitionCountsMatchDuckDb() throws Exception {
        assertSameRows(
                RapportTables.STAGE_TRANSITIONS,
                DuckDbMetrics.STAGE_TRANSITIONS,
                List.of("cohort_month", "acquisition_channel", "from_stage", "to_stage"),
                List.of("window_days", "customers", "converted", "conversion_rate"));
    }

    private void assertSameRows(TableDefinition table, String sql, List<String> key, List<String> values)
            throws Exception {
        Map<String, Map<String, Object>> ours = byKey(read(table), key);
        Map<String, Map<String, Object>> theirs = byKey(duckdb.query(sql), key);

        assertThat(ours).as("%s rows", table.qualifiedName()).isNotEmpty();
        assertThat(ours.keySet()).as("%s keys", table.qualifiedName()).isEqualTo(theirs.keySet());
        for (Map.Entry<String, Map<String, Object>> row : ours.entrySet()) {
            Map<String, Object> other = theirs.get(row.getKey());
            for (String column : values) {
                Object mine = normalise(row.getValue().get(column));
                Object duck = normalise(other.get(column));
                String what = table.qualifiedName() + " " + row.getKey() + " " + column;
                if (mine instanceof Double a && duck instanceof Double b) {
                    assertThat(a).as(what).isCloseTo(b, within(1e-9));
                } else {
                    assertThat(mine).as(what).isEqualTo(duck);
                }
            }
        }
    }

    private static Map<String, Map<String, Object>> byKey(List<Map<String, Object>> rows, List<String> key) {
        Map<String, Map<String, Object>> byKey = new TreeMap<>();
        for (Map<String, Object> row : rows) {
            List<Object> parts = new ArrayList<>();
            key.forEach(column -> parts.add(normalise(row.get(column))));
            assertThat(byKey.put(parts.toString(), row))
                    .as("duplicate key %s", parts)
                    .isNull();
        }
        return byKey;
    }

    /** Integers as Long, decimals and floats as Double, dates as LocalDate: the engines' types differ. */
    private static Object normalise(Object value) {
        if (value instanceof Float || value instanceof Double || value instanceof java.math.BigDecimal) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate();
        }
        if (value instanceof LocalDate || value == null) {
            return value;
        }
        return value.toString();
    }

    private List<Map<String, Object>> read(TableDefinition table) throws Exception {
        try (RapportCatalog catalog = new RapportCatalog(run.config().catalog());
                CloseableIterable<Record> records =
                        IcebergGenerics.read(catalog.load(table)).build()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Record record : records) {
                Map<String, Object> row = new TreeMap<>();
                record.struct().fields().forEach(field -> {
                    if (record.getField(field.name()) != null) {
                        row.put(field.name(), record.getField(field.name()));
                    }
                });
                rows.add(row);
            }
            return rows;
        }
    }
}
