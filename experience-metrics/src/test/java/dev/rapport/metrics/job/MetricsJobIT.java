package dev.rapport.metrics.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.metrics.nps.NpsAggregate;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the NPS-only {@link MetricsJob} (the other tables are checked by {@link ExperienceMetricsIT},
 * from one run) on a MiniCluster against an embedded catalog in a temp folder, over a
 * hand-made {@code staging.interactions} written with Iceberg's generic writer, and checks every
 * row of {@code metrics.nps_daily} against a count made here in plain Java.
 */
class MetricsJobIT {

    private static final int PARALLELISM = 2;

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(PARALLELISM)
                    .build());

    private static final LocalDate LEAP_DAY = LocalDate.of(2024, 2, 29);
    private static final LocalDate MARCH_1 = LocalDate.of(2024, 3, 1);
    private static final LocalDate MARCH_2 = LocalDate.of(2024, 3, 2);

    @TempDir
    Path dataDir;

    /** 35 events over three days in two months: NPS answers, other surveys, other events. */
    private static List<Event> fixture() {
        return List.of(
                // 2024-02-29
                nps("e01", "2024-02-29T08:00:00Z", "email", "checkout", 10, "c1"),
                nps("e02", "2024-02-29T08:10:00Z", "email", "checkout", 9, "c2"),
                nps("e03", "2024-02-29T08:20:00Z", "email", "checkout", 3, "c3"),
                nps("e04", "2024-02-29T08:30:00Z", "email", "checkout", 7, "c4"),
                nps("e05", "2024-02-29T09:00:00Z", "web", "checkout", 0, "c5"),
                nps("e06", "2024-02-29T09:10:00Z", "web", "checkout", 8, "c6"),
                nps("e07", "2024-02-29T09:20:00Z", null, "checkout", 9, "c7"),
                nps("e08", "2024-02-29T10:00:00Z", "email", "delivery", 6, null),
                nps("e09", "2024-02-29T10:00:00Z", "email", "delivery", 6, null),
                survey("e10", "2024-02-29T11:00:00Z", "CSAT", "email", "checkout", 5, "c8"),
                other("e11", "2024-02-29T11:30:00Z", "email", "email_open", "c1"),
                nps("e12", "2024-02-29T23:59:59.999999Z", "web", "checkout", 10, "c9"),
                // 2024-03-01
                nps("e13", "2024-03-01T00:00:00Z", "web", "checkout", 2, "c9"),
                nps("e14", "2024-03-01T08:00:00Z", "email", "checkout", 3, "c1"),
                nps("e15", "2024-03-01T09:00:00Z", "email", "checkout", 10, "c1"),
                nps("e16", "2024-03-01T09:30:00Z", "email", "delivery", 4, "c1"),
                npsByEmail("e17", "2024-03-01T10:00:00Z", "email", "checkout", 9, "ana-key"),
                npsByEmail("e18", "2024-03-01T10:00:00Z", "email", "checkout", 1, "ana-key"),
                nps("e19", "2024-03-01T10:30:00Z", "email", "checkout", 8, "c2"),
                survey("e20", "2024-03-01T11:00:00Z", "CES", "web", "checkout", 6, "c4"),
                other("e21", "2024-03-01T11:10:00Z", "commerce", "order", "c4"),
                nps("e22", "2024-03-01T11:20:00Z", " ", null, 7, "c10"),
                survey("e23", "2024-03-01T11:30:00Z", "NPS", "web", "checkout", null, "c11"),
                new Event(
                        "e24",
                        "crm",
                        "survey",
                        "survey_response",
                        at("2024-03-01T11:40:00Z"),
                        null,
                        "k7",
                        null,
                        "web",
                        "checkout",
                        "NPS",
                        9),
                new Event(
                        "e25",
                        "survey-tool",
                        "survey",
                        "survey_response",
                        at("2024-03-01T12:00:00Z"),
                        "crm",
                        "k7",
                        null,
                        "web",
                        "checkout",
                        "NPS",
                        0),
                nps("e26", "2024-03-01T12:30:00Z", "app", "onboarding", 9, "c12"),
                // 2024-03-02
                nps("e27", "2024-03-02T07:00:00Z", "email", "checkout", 10, "c1"),
                nps("e28", "2024-03-02T07:30:00Z", "email", "checkout", 10, "c2"),
                nps("e29", "2024-03-02T08:00:00Z", "web", "delivery", 5, "c3"),
                nps("e30", "2024-03-02T08:30:00Z", "web", "delivery", 9, "c4"),
                nps("e31", "2024-03-02T09:00:00Z", "web", "delivery", 10, "c5"),
                nps("e32", "2024-03-02T09:30:00Z", null, null, 9, null),
                other("e33", "2024-03-02T10:00:00Z", "web", "web_visit", "c5"),
                survey("e34", "2024-03-02T10:30:00Z", "CSAT", "web", "delivery", 1, "c6"),
                nps("e35", "2024-03-02T11:00:00Z", "web", "delivery", 11, "c7"));
    }

    @Test
    void everyRowMatchesAnIndependentCountAndRerunChangesNothing() {
        CatalogConfig catalog = CatalogConfig.embedded(dataDir);
        List<Event> events = fixture();
        writeInteractions(catalog, events);
        MetricsJob job = new MetricsJob(catalog, MetricsConfig.defaults(), true);

        MetricsReport first = job.run(tableEnvironment());
        List<NpsRow> rows = readNpsDaily(catalog);

        List<NpsRow> expected = expectedRows(events);
        assertThat(rows).containsExactlyElementsOf(expected);
        // Hand-checked rows, so the expectation above cannot drift along with the SQL.
        assertThat(rows)
                .contains(
                        // 10, 9, 3, 7: 2 promoters, 1 passive, 1 detractor
                        new NpsRow(LEAP_DAY, "email", "checkout", 4, 2, 1, 1, 25.0),
                        // null channel
                        new NpsRow(LEAP_DAY, "unknown", "checkout", 1, 1, 0, 0, 100.0),
                        // two anonymous 6s both count
                        new NpsRow(LEAP_DAY, "email", "delivery", 2, 0, 0, 2, -100.0),
                        // 23:59:59.999999Z is still the 29th
                        new NpsRow(LEAP_DAY, "web", "checkout", 3, 1, 1, 1, 0.0),
                        // c1 answered 3 then 10: the 10 counts; ana-key's tie at 10:00 goes to e18 (1)
                        new NpsRow(MARCH_1, "email", "checkout", 3, 1, 1, 1, 0.0),
                        // c9 at midnight and crm:k7 whose later answer (0) replaces the 9
                        new NpsRow(MARCH_1, "web", "checkout", 2, 0, 0, 2, -100.0),
                        // blank channel, missing touchpoint
                        new NpsRow(MARCH_1, "unknown", "unknown", 1, 0, 1, 0, 0.0),
                        // 5, 9, 10; the 11 is off the scale
                        new NpsRow(MARCH_2, "web", "delivery", 3, 2, 0, 1, 100.0 / 3));
        assertThat(rows).hasSize(12);

        NpsAggregate totals = expected.stream().map(NpsRow::aggregate).reduce(NpsAggregate.empty(), NpsAggregate::plus);
        assertThat(totals).isEqualTo(new NpsAggregate(24, 11, 4, 9));
        assertThat(first.rowsWritten()).isEqualTo(12);
        assertThat(first.totals()).isEqualTo(totals);
        assertThat(first.nps()).hasValue(100.0 * (11 - 9) / 24);
        assertThat(first.firstDay()).isEmpty();
        assertThat(first.lastDay()).isEmpty();

        long snapshotBefore = currentSnapshotId(catalog);
        MetricsReport second = job.run(tableEnvironment());

        assertThat(currentSnapshotId(catalog)).isNotEqualTo(snapshotBefore);
        assertThat(readNpsDaily(catalog)).containsExactlyElementsOf(rows);
        assertThat(second.rowsWritten()).isEqualTo(first.rowsWritten());
        assertThat(second.totals()).isEqualTo(first.totals());
        // One file per month partition: the overwrite replaced the first run's files, not added to them.
        assertThat(dataFileCount(catalog)).isEqualTo(2);

        MetricsReport serial = job.run(1);

        assertThat(readNpsDaily(catalog)).containsExactlyElementsOf(rows);
        assertThat(serial.totals()).isEqualTo(first.totals());
        System.out.printf(
                "nps_daily first run %d ms, rerun %d ms, rerun at parallelism 1 %d ms%n",
                first.elapsed().toMillis(),
                second.elapsed().toMillis(),
                serial.elapsed().toMillis());
    }

    @Test
    void newDataForOneDayChangesOnlyThatDay() {
        CatalogConfig catalog = CatalogConfig.embedded(dataDir);
        List<Event> events = new ArrayList<>(fixture());
        writeInteractions(catalog, events);
        MetricsJob job = new MetricsJob(catalog, MetricsConfig.defaults(), true);
        job.run(PARALLELISM);
        List<NpsRow> before = readNpsDaily(catalog);

        List<Event> late = List.of(
                nps("e36", "2024-03-02T12:00:00Z", "email", "checkout", 0, "c3"),
                // c3 answers web/delivery again, later: replaces the 5
                nps("e37", "2024-03-02T13:00:00Z", "web", "delivery", 10, "c3"));
        writeInteractions(catalog, late);
        events.addAll(late);
        MetricsReport report = job.run(PARALLELISM);
        List<NpsRow> after = readNpsDaily(catalog);

        assertThat(after).containsExactlyElementsOf(expectedRows(events));
        assertThat(only(after, row -> !row.day().equals(MARCH_2)))
                .containsExactlyElementsOf(only(before, row -> !row.day().equals(MARCH_2)));
        assertThat(only(after, row -> row.day().equals(MARCH_2)))
                .contains(
                        new NpsRow(MARCH_2, "email", "checkout", 3, 2, 0, 1, 100.0 / 3),
                        new NpsRow(MARCH_2, "web", "delivery", 3, 3, 0, 0, 100.0))
                .isNotEqualTo(only(before, row -> row.day().equals(MARCH_2)));
        assertThat(report.responses()).isEqualTo(25);
        System.out.printf(
                "nps_daily run after late data %d ms%n", report.elapsed().toMillis());
    }

    @Test
    void aDayRangeRecomputesItsWholeMonthsOnly() {
        CatalogConfig catalog = CatalogConfig.embedded(dataDir);
        List<Event> events = new ArrayList<>(fixture());
        writeInteractions(catalog, events);
        new MetricsJob(catalog, MetricsConfig.defaults(), true).run(tableEnvironment());
        List<NpsRow> before = readNpsDaily(catalog);

        List<Event> late = List.of(
                nps("e38", "2024-02-29T15:00:00Z", "email", "checkout", 0, "c20"),
                nps("e39", "2024-03-01T15:00:00Z", "email", "checkout", 0, "c21"));
        writeInteractions(catalog, late);
        events.addAll(late);
        MetricsConfig march1 = MetricsConfig.fromMap(Map.of("from", "2024-03-01", "to", "2024-03-01"), "metrics");
        MetricsReport report = new MetricsJob(catalog, march1, true).run(tableEnvironment());
        List<NpsRow> after = readNpsDaily(catalog);

        // February was outside the range: still the rows from before e38 arrived.
        assertThat(only(after, row -> row.day().getMonthValue() == 2))
                .containsExactlyElementsOf(only(before, row -> row.day().getMonthValue() == 2));
        // March was recomputed whole: March 1 sees e39 and March 2 was rewritten, not dropped.
        List<NpsRow> expectedMarch = only(expectedRows(events), row -> row.day().getMonthValue() == 3);
        assertThat(only(after, row -> row.day().getMonthValue() == 3)).containsExactlyElementsOf(expectedMarch);
        assertThat(after).contains(new NpsRow(MARCH_1, "email", "checkout", 4, 1, 1, 2, -25.0));

        assertThat(report.firstDay()).contains(MARCH_1);
        assertThat(report.lastDay()).contains(LocalDate.of(2024, 3, 31));
        assertThat(report.rowsWritten()).isEqualTo(expectedMarch.size());
        assertThat(report.totals())
                .isEqualTo(
                        expectedMarch.stream().map(NpsRow::aggregate).reduce(NpsAggregate.empty(), NpsAggregate::plus));
    }

    /**
     * A table made before the segment column (the eleven columns of the previous release) gains it,
     * appended, and the job's positional insert fills it.
     */
    @Test
    void aTableFromBeforeTheSegmentColumnIsEvolved() {
        CatalogConfig catalog = CatalogConfig.embedded(dataDir);
        List<Event> events = fixture();
        writeInteractions(catalog, events);
        org.apache.iceberg.Schema current = RapportTables.NPS_DAILY.schema();
        org.apache.iceberg.Schema before = new org.apache.iceberg.Schema(current.columns().stream()
                .filter(column -> !column.name().equals("segment"))
                .toList());
        try (RapportCatalog rapport = new RapportCatalog(catalog)) {
            rapport.ensure(new dev.rapport.schemas.table.TableDefinition(
                    RapportTables.NPS_DAILY.identifier(),
                    before,
                    org.apache.iceberg.PartitionSpec.builderFor(before)
                            .month("day")
                            .build(),
                    org.apache.iceberg.SortOrder.unsorted(),
                    RapportTables.NPS_DAILY.grain()));
            assertThat(rapport.load(RapportTables.NPS_DAILY).schema().findField("segment"))
                    .isNull();
        }

        new MetricsJob(catalog, MetricsConfig.defaults(), true).run(tableEnvironment());

        try (RapportCatalog rapport = new RapportCatalog(catalog)) {
            List<String> columns = rapport.load(RapportTables.NPS_DAILY).schema().columns().stream()
                    .map(org.apache.iceberg.types.Types.NestedField::name)
                    .toList();
            assertThat(columns.get(columns.size() - 1)).isEqualTo("segment");
        }
        // readNpsDaily checks every segment is 'unknown'
        assertThat(readNpsDaily(catalog)).containsExactlyElementsOf(expectedRows(events));
    }

    @Test
    void missingStagingTableIsAClearError() {
        MetricsJob job = new MetricsJob(CatalogConfig.embedded(dataDir), MetricsConfig.defaults(), true);

        assertThatThrownBy(() -> job.run(tableEnvironment()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("staging.interactions does not exist in the catalog; run ingestion first");
    }

    // ---- the expectation, counted in plain Java ----

    /**
     * The rows nps_daily should hold, counted without Flink or NpsScore: NPS survey responses with
     * a score 0-10, by UTC day, channel and touchpoint ('unknown' when missing or blank), the
     * latest answer per respondent (ties to the larger event id), anonymous answers each counting.
     */
    private static List<NpsRow> expectedRows(List<Event> events) {
        Map<List<Object>, Event> latest = new LinkedHashMap<>();
        for (Event event : events) {
            if (!"survey".equals(event.category())
                    || !"survey_response".equals(event.eventType())
                    || !"NPS".equals(event.surveyType())
                    || event.score() == null
                    || event.score() < 0
                    || event.score() > 10) {
                continue;
            }
            String respondent;
            if (event.customerRef() != null) {
                String customerSource = event.customerSource() != null ? event.customerSource() : event.source();
                respondent = "customer " + customerSource + " " + event.customerRef();
            } else if (event.emailKey() != null) {
                respondent = "email " + event.emailKey();
            } else {
                respondent = "event " + event.eventId();
            }
            List<Object> key =
                    List.of(day(event), orUnknown(event.channel()), orUnknown(event.touchpoint()), respondent);
            latest.merge(key, event, (a, b) -> laterOf(a, b));
        }
        Map<List<Object>, long[]> counts = new LinkedHashMap<>();
        for (Map.Entry<List<Object>, Event> entry : latest.entrySet()) {
            long[] count = counts.computeIfAbsent(entry.getKey().subList(0, 3), k -> new long[4]);
            int score = entry.getValue().score();
            count[0]++;
            if (score == 9 || score == 10) {
                count[1]++;
            } else if (score == 7 || score == 8) {
                count[2]++;
            } else {
                count[3]++;
            }
        }
        List<NpsRow> rows = new ArrayList<>();
        counts.forEach((key, count) -> rows.add(new NpsRow(
                (LocalDate) key.get(0),
                (String) key.get(1),
                (String) key.get(2),
                count[0],
                count[1],
                count[2],
                count[3],
                100.0 * (count[1] - count[3]) / count[0])));
        rows.sort(NpsRow.ORDER);
        return rows;
    }

    private static Event laterOf(Event a, Event b) {
        int byTime = a.time().compareTo(b.time());
        if (byTime != 0) {
            return byTime > 0 ? a : b;
        }
        return a.eventId().compareTo(b.eventId()) > 0 ? a : b;
    }

    private static LocalDate day(Event event) {
        return event.time().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static String orUnknown(String value) {
        return value == null || value.isBlank() ? "unknown" : value;
    }

    private static List<NpsRow> only(List<NpsRow> rows, Predicate<NpsRow> filter) {
        return rows.stream().filter(filter).toList();
    }

    // ---- tables ----

    private static TableEnvironment tableEnvironment() {
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.DEFAULT_PARALLELISM, PARALLELISM);
        // A silent fallback to Kryo fails the test instead.
        configuration.set(PipelineOptions.GENERIC_TYPES, false);
        return TableEnvironment.create(EnvironmentSettings.newInstance()
                .inBatchMode()
                .withConfiguration(configuration)
                .build());
    }

    /** Appends the events to staging.interactions, one Parquet file per day partition, one commit. */
    private static void writeInteractions(CatalogConfig catalog, List<Event> events) {
        try (RapportCatalog rapport = new RapportCatalog(catalog)) {
            Table table = rapport.ensure(RapportTables.INTERACTIONS);
            InternalRecordWrapper wrapper =
                    new InternalRecordWrapper(table.schema().asStruct());
            Map<PartitionKey, List<Record>> byPartition = new LinkedHashMap<>();
            for (Event event : events) {
                Record record = event.toRecord(table);
                PartitionKey key = new PartitionKey(table.spec(), table.schema());
                key.partition(wrapper.wrap(record));
                byPartition.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
            }
            GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), table.spec());
            AppendFiles append = table.newAppend();
            for (Map.Entry<PartitionKey, List<Record>> partition : byPartition.entrySet()) {
                String location = table.locationProvider()
                        .newDataLocation(table.spec(), partition.getKey(), UUID.randomUUID() + ".parquet");
                DataWriter<Record> writer = factory.newDataWriter(
                        EncryptedFiles.plainAsEncryptedOutput(table.io().newOutputFile(location)),
                        FileFormat.PARQUET,
                        partition.getKey());
                try (writer) {
                    partition.getValue().forEach(writer::write);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                append.appendFile(writer.toDataFile());
            }
            append.commit();
        }
    }

    private static List<NpsRow> readNpsDaily(CatalogConfig catalog) {
        try (RapportCatalog rapport = new RapportCatalog(catalog);
                CloseableIterable<Record> records = IcebergGenerics.read(rapport.load(RapportTables.NPS_DAILY))
                        .build()) {
            List<NpsRow> rows = new ArrayList<>();
            for (Record record : records) {
                // This fixture has no comment languages; the language and the interval are
                // checked row by row in ExperienceMetricsIT.
                assertThat(record.getField("language")).isEqualTo("unknown");
                // The NPS-only job computes no timeline: no answer has a customer, hence a segment.
                assertThat(record.getField("segment")).isEqualTo("unknown");
                assertThat((Double) record.getField("nps_ci_low")).isBetween(-100.0, (Double) record.getField("nps"));
                assertThat((Double) record.getField("nps_ci_high")).isBetween((Double) record.getField("nps"), 100.0);
                rows.add(new NpsRow(
                        (LocalDate) record.getField("day"),
                        (String) record.getField("channel"),
                        (String) record.getField("touchpoint"),
                        (Long) record.getField("responses"),
                        (Long) record.getField("promoters"),
                        (Long) record.getField("passives"),
                        (Long) record.getField("detractors"),
                        (Double) record.getField("nps")));
            }
            rows.sort(NpsRow.ORDER);
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int dataFileCount(CatalogConfig catalog) {
        try (RapportCatalog rapport = new RapportCatalog(catalog);
                CloseableIterable<FileScanTask> tasks =
                        rapport.load(RapportTables.NPS_DAILY).newScan().planFiles()) {
            int count = 0;
            for (FileScanTask ignored : tasks) {
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long currentSnapshotId(CatalogConfig catalog) {
        try (RapportCatalog rapport = new RapportCatalog(catalog)) {
            return rapport.load(RapportTables.NPS_DAILY).currentSnapshot().snapshotId();
        }
    }

    // ---- fixture helpers ----

    private static Event nps(String id, String time, String channel, String touchpoint, int score, String customer) {
        return survey(id, time, "NPS", channel, touchpoint, score, customer);
    }

    private static Event npsByEmail(
            String id, String time, String channel, String touchpoint, int score, String emailKey) {
        return new Event(
                id,
                "esp",
                "survey",
                "survey_response",
                at(time),
                null,
                null,
                emailKey,
                channel,
                touchpoint,
                "NPS",
                score);
    }

    private static Event survey(
            String id,
            String time,
            String surveyType,
            String channel,
            String touchpoint,
            Integer score,
            String customer) {
        return new Event(
                id,
                "crm",
                "survey",
                "survey_response",
                at(time),
                null,
                customer,
                null,
                channel,
                touchpoint,
                surveyType,
                score);
    }

    private static Event other(String id, String time, String category, String eventType, String customer) {
        return new Event(id, "crm", category, eventType, at(time), null, customer, null, "web", null, null, null);
    }

    private static Instant at(String time) {
        return Instant.parse(time);
    }

    /** One row of staging.interactions, with the columns the metric reads. */
    private record Event(
            String eventId,
            String source,
            String category,
            String eventType,
            Instant time,
            String customerSource,
            String customerRef,
            String emailKey,
            String channel,
            String touchpoint,
            String surveyType,
            Integer score) {

        Record toRecord(Table table) {
            Record record = GenericRecord.create(table.schema());
            record.setField("event_id", eventId);
            record.setField("source", source);
            record.setField("source_event_id", eventId);
            record.setField("category", category);
            record.setField("event_type", eventType);
            record.setField("event_time", time.atOffset(ZoneOffset.UTC));
            record.setField("customer_source", customerSource);
            record.setField("customer_ref", customerRef);
            record.setField("email_key", emailKey);
            record.setField("channel", channel);
            record.setField("touchpoint", touchpoint);
            record.setField("survey_type", surveyType);
            record.setField("score", score);
            record.setField("source_location", "fixture:" + eventId);
            record.setField("ingested_at", time.plusSeconds(60).atOffset(ZoneOffset.UTC));
            record.setField("ingest_run_id", "fixture");
            return record;
        }
    }

    /** One row of metrics.nps_daily. */
    private record NpsRow(
            LocalDate day,
            String channel,
            String touchpoint,
            long responses,
            long promoters,
            long passives,
            long detractors,
            double nps) {

        static final Comparator<NpsRow> ORDER =
                Comparator.comparing(NpsRow::day).thenComparing(NpsRow::channel).thenComparing(NpsRow::touchpoint);

        NpsAggregate aggregate() {
            return new NpsAggregate(responses, promoters, passives, detractors);
        }
    }
}
