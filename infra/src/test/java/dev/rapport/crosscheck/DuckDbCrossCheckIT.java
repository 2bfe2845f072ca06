package dev.rapport.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.demo.Demo;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.Pipeline;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
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
        appendEdgeCases();
        new Pipeline(run.config(), console).metrics();
        Path parquet = dir.resolve("interactions.parquet");
        exported = ParquetExport.export(run.config().catalog(), RapportTables.INTERACTIONS, parquet);
        Path stages = dir.resolve("journey_stages.parquet");
        ParquetExport.export(run.config().catalog(), RapportTables.JOURNEY_STAGES, stages);
        Path timeline = dir.resolve("customer_timeline.parquet");
        ParquetExport.export(run.config().catalog(), RapportTables.CUSTOMER_TIMELINE, timeline);
        Path rfm = dir.resolve("customer_rfm.parquet");
        ParquetExport.export(run.config().catalog(), RapportTables.CUSTOMER_RFM, rfm);
        duckdb = DuckDbMetrics.over(parquet, stages).withSegments(timeline, rfm);
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
    void oneRespondentOneVoiceIsExercised() throws Exception {
        Object answers = duckdb.query("SELECT count(*) AS n FROM interactions WHERE event_type = 'survey_response'"
                        + " AND survey_type = 'NPS' AND score BETWEEN 0 AND 10")
                .get(0)
                .get("n");
        long counted = read(RapportTables.NPS_DAILY).stream()
                .mapToLong(row -> ((Number) row.get("responses")).longValue())
                .sum();

        assertThat(counted).isPositive().isLessThan((Long) answers);
    }

    @Test
    void npsDailyMatchesDuckDb() throws Exception {
        assertSameRows(
                RapportTables.NPS_DAILY,
                DuckDbMetrics.NPS_DAILY_BY_SEGMENT,
                List.of("day", "channel", "touchpoint", "language", "segment"),
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

    /**
     * Adds what the generator rarely makes, copied from generated rows: the same respondent
     * answering NPS again later the same day, two answers tied on event_time, anonymous answers,
     * a blank channel and no touchpoint, and a second open by the same recipient a day later.
     */
    private void appendEdgeCases() throws Exception {
        try (RapportCatalog catalog = new RapportCatalog(run.config().catalog())) {
            Table table = catalog.load(RapportTables.INTERACTIONS);
            Record survey = null;
            Record open = null;
            try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
                for (Record row : records) {
                    if (survey == null
                            && "survey_response".equals(row.getField("event_type"))
                            && "NPS".equals(row.getField("survey_type"))
                            && row.getField("customer_ref") != null
                            && row.getField("score") != null) {
                        survey = row.copy();
                    }
                    if (open == null
                            && "email_open".equals(row.getField("event_type"))
                            && row.getField("email_key") != null) {
                        open = row.copy();
                    }
                }
            }
            assertThat(survey).as("a generated NPS answer").isNotNull();
            assertThat(open).as("a generated email open").isNotNull();
            OffsetDateTime late = ((OffsetDateTime) survey.getField("event_time"))
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .truncatedTo(ChronoUnit.DAYS)
                    .plusHours(23);
            List<Record> extra = new ArrayList<>();
            extra.add(variant(survey, "xcheck-later", late, 0));
            extra.add(variant(survey, "xcheck-tie-a", late.plusMinutes(30), 10));
            extra.add(variant(survey, "xcheck-tie-b", late.plusMinutes(30), 7));
            for (String id : List.of("xcheck-anonymous-1", "xcheck-anonymous-2")) {
                Record anonymous = variant(survey, id, late, 2);
                anonymous.setField("customer_ref", null);
                anonymous.setField("email_key", null);
                extra.add(anonymous);
            }
            Record blank = variant(survey, "xcheck-blank", late, 9);
            blank.setField("channel", "  ");
            blank.setField("touchpoint", null);
            extra.add(blank);
            extra.add(variant(
                    open, "xcheck-open-again", ((OffsetDateTime) open.getField("event_time")).plusDays(1), null));

            InternalRecordWrapper wrapper =
                    new InternalRecordWrapper(table.schema().asStruct());
            GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), table.spec());
            AppendFiles append = table.newAppend();
            for (Record record : extra) {
                PartitionKey key = new PartitionKey(table.spec(), table.schema());
                key.partition(wrapper.wrap(record));
                String location =
                        table.locationProvider().newDataLocation(table.spec(), key, UUID.randomUUID() + ".parquet");
                DataWriter<Record> writer = factory.newDataWriter(
                        EncryptedFiles.plainAsEncryptedOutput(table.io().newOutputFile(location)),
                        FileFormat.PARQUET,
                        key);
                try (writer) {
                    writer.write(record);
                }
                append.appendFile(writer.toDataFile());
            }
            append.commit();
        }
    }

    private static Record variant(Record template, String eventId, OffsetDateTime time, Integer score) {
        Record copy = template.copy();
        copy.setField("event_id", eventId);
        copy.setField("event_time", time);
        if (score != null) {
            copy.setField("score", score);
        }
        return copy;
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
