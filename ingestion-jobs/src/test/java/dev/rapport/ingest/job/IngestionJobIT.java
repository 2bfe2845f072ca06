package dev.rapport.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.DataOperations;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.ThreadPools;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class IngestionJobIT {

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    Path dir;

    @Test
    void ingestsEveryFormatQuarantinesBadRecordsAndRerunsIdempotently() throws Exception {
        List<SourceConfig> sources = writeSources();
        CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(dir.resolve("data")));

        IngestionReport first = run(catalog, sources, "run-1");

        assertThat(first.source("crm")).isEqualTo(new SourceCounts(6, 2, 1, 3));
        assertThat(first.source("erp")).isEqualTo(new SourceCounts(2, 1, 0, 1));
        assertThat(first.source("legacy")).isEqualTo(new SourceCounts(1, 1, 0, 0));
        assertThat(first.source("esp")).isEqualTo(new SourceCounts(5, 2, 1, 2));
        assertThat(first.source("surveys")).isEqualTo(new SourceCounts(3, 2, 0, 1));
        assertThat(first.source("web")).isEqualTo(new SourceCounts(2, 2, 0, 0));
        assertThat(first.sources().values()).allMatch(SourceCounts::balanced);

        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Map<String, Record> customers = rows(
                    tables, RapportTables.CUSTOMER_RECORDS, r -> r.getField("source") + "/" + r.getField("source_id"));
            assertThat(customers).containsOnlyKeys("crm/c1", "crm/c2", "erp/E-1", "legacy/r1");

            Record ana = customers.get("crm/c1");
            // the later row of c1 in the file survives
            assertThat(ana.getField("source_location")).isEqualTo("crm.csv:8");
            assertThat(ana.getField("email")).isEqualTo("ana.p+news@gmail.com");
            assertThat(ana.getField("email_key")).isEqualTo("anap@gmail.com");
            assertThat(ana.getField("phone_e164")).isEqualTo("+381641234567");
            assertThat(ana.getField("country")).isEqualTo("RS");
            assertThat(ana.getField("last_name_key")).isEqualTo("petrovic");
            assertThat(ana.getField("ingest_run_id")).isEqualTo("run-1");

            Record john = customers.get("crm/c2");
            assertThat(john.getField("first_name")).isEqualTo("John \"Jack\"");
            assertThat(john.getField("country")).isEqualTo("US");
            assertThat(john.getField("source_location")).isEqualTo("crm.csv:3");

            Record erp = customers.get("erp/E-1");
            assertThat(erp.getField("last_name")).isEqualTo("PETROVIĆ");
            assertThat(erp.getField("first_name")).isEqualTo("Ana");
            assertThat(erp.getField("last_name_key")).isEqualTo("petrovic");
            assertThat(erp.getField("birth_date")).isEqualTo(LocalDate.of(1985, 3, 15));
            assertThat(erp.getField("city")).isEqualTo("Beograd");

            Record legacy = customers.get("legacy/r1");
            assertThat(legacy.getField("last_name")).isEqualTo("Петровић");
            assertThat(legacy.getField("last_name_key")).isEqualTo("petrovic");
            assertThat(legacy.getField("first_name_key")).isEqualTo("ana");

            Map<String, Record> events = rows(
                    tables,
                    RapportTables.INTERACTIONS,
                    r -> r.getField("source") + "/" + r.getField("source_event_id"));
            assertThat(events).containsOnlyKeys("esp/ev1", "esp/ev2", "surveys/s1", "surveys/s3", "web/w1", "web/w2");
            Record click = events.get("esp/ev2");
            assertThat(click.getField("event_type")).isEqualTo("email_click");
            assertThat(click.getField("category")).isEqualTo("email");
            assertThat(((OffsetDateTime) click.getField("event_time")).toInstant())
                    .isEqualTo(Instant.parse("2024-03-01T09:20:00Z"));
            assertThat(click.getField("email_key")).isEqualTo("anap@gmail.com");
            Record nps = events.get("surveys/s1");
            assertThat(nps.getField("category")).isEqualTo("survey");
            assertThat(nps.getField("survey_type")).isEqualTo("NPS");
            assertThat(nps.getField("score")).isEqualTo(9);
            assertThat(nps.getField("customer_ref")).isEqualTo("c1");
            assertThat(nps.getField("customer_source")).isEqualTo("surveys");
            assertThat(((OffsetDateTime) nps.getField("event_time")).toInstant())
                    .isEqualTo(Instant.ofEpochMilli(1_709_287_200_000L));
            Record order = events.get("web/w2");
            assertThat(order.getField("category")).isEqualTo("commerce");
            assertThat(order.getField("amount")).isEqualTo(new BigDecimal("1234.50"));
            assertThat(order.getField("currency")).isEqualTo("RSD");

            Map<String, Record> rejected = rows(tables, RapportTables.REJECTED, r -> (String) r.getField("location"));
            assertThat(rejected.keySet())
                    .containsExactlyInAnyOrder(
                            "crm.csv:5",
                            "crm.csv:6",
                            "crm.csv:7",
                            "erp.csv:3",
                            "esp.jsonl:5",
                            "esp.jsonl:6",
                            "surveys.avro:record 2");
            assertThat(rejected.get("crm.csv:5").getField("error_code")).isEqualTo("MALFORMED_CSV");
            assertThat(rejected.get("crm.csv:5").getField("raw_payload")).isEqualTo("c3,Bad,Row,bad@example.com");
            assertThat(rejected.get("crm.csv:6").getField("error_code")).isEqualTo("MISSING_REQUIRED_FIELD");
            assertThat(rejected.get("crm.csv:6").getField("field")).isEqualTo("source_id");
            assertThat((String) rejected.get("crm.csv:6").getField("message")).contains("source_id", "Id");
            assertThat(rejected.get("crm.csv:7").getField("error_code")).isEqualTo("INVALID_COUNTRY");
            assertThat(rejected.get("erp.csv:3").getField("error_code")).isEqualTo("INVALID_DATE");
            assertThat(rejected.get("erp.csv:3").getField("field")).isEqualTo("birth_date");
            assertThat(rejected.get("esp.jsonl:5").getField("error_code")).isEqualTo("MALFORMED_JSON");
            assertThat(rejected.get("esp.jsonl:5").getField("raw_payload")).isEqualTo("{\"id\": \"ev9\", broken");
            assertThat(rejected.get("esp.jsonl:6").getField("error_code")).isEqualTo("VALUE_NOT_IN_MAP");
            assertThat(rejected.get("surveys.avro:record 2").getField("error_code"))
                    .isEqualTo("SCORE_OUT_OF_RANGE");
            assertThat((String) rejected.get("surveys.avro:record 2").getField("raw_payload"))
                    .contains("\"s2\"");
        }

        IngestionReport second = run(catalog, sources, "run-2");

        assertThat(second).isEqualTo(first);
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            assertThat(count(tables, RapportTables.CUSTOMER_RECORDS)).isEqualTo(4);
            assertThat(count(tables, RapportTables.INTERACTIONS)).isEqualTo(6);
            assertThat(count(tables, RapportTables.REJECTED)).isEqualTo(7);
            Map<String, Record> customers =
                    rows(tables, RapportTables.CUSTOMER_RECORDS, r -> (String) r.getField("source_id"));
            assertThat(customers.get("c1").getField("ingest_run_id")).isEqualTo("run-2");
        }
    }

    @Test
    void parallelismDoesNotChangeTheResult() throws Exception {
        List<SourceConfig> sources = writeSources();
        CatalogConfig one = CatalogConfig.embedded(Files.createDirectories(dir.resolve("p1")));
        CatalogConfig two = CatalogConfig.embedded(Files.createDirectories(dir.resolve("p2")));

        IngestionReport serial = run(one, sources, "run", 1);
        IngestionReport parallel = run(two, sources, "run", 2);

        assertThat(parallel).isEqualTo(serial);
        try (RapportCatalog first = new RapportCatalog(one);
                RapportCatalog second = new RapportCatalog(two)) {
            for (TableDefinition table :
                    List.of(RapportTables.CUSTOMER_RECORDS, RapportTables.INTERACTIONS, RapportTables.REJECTED)) {
                assertThat(contents(second, table))
                        .isEqualTo(contents(first, table))
                        .isNotEmpty();
            }
        }
    }

    @Test
    void aFirstLoadIsAppendedAndLaterRunsReplaceRows() throws Exception {
        Map<String, SourceConfig> byName = new LinkedHashMap<>();
        writeSources().forEach(source -> byName.put(source.name(), source));
        CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(dir.resolve("loads")));
        Function<Record, String> key = r -> r.getField("source") + "/" + r.getField("source_id");

        run(catalog, List.of(byName.get("crm")), "run-1");
        long afterFirst;
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Table customers = tables.load(RapportTables.CUSTOMER_RECORDS);
            afterFirst = customers.currentSnapshot().snapshotId();
            // crm.csv holds c1 twice: both rows are written, the earlier one deleted by position
            assertAppendedWithPositionDeletes(customers);
            assertWrittenBy(tables.load(RapportTables.REJECTED), DataOperations.APPEND);
            assertThat(rows(tables, RapportTables.CUSTOMER_RECORDS, key)).containsOnlyKeys("crm/c1", "crm/c2");
            assertThat(TableRows.holdsSource(customers, "crm")).isTrue();
            assertThat(TableRows.holdsSource(customers, "erp")).isFalse();
        }

        // crm's rows are stored: the table is upserted, erp's new rows with them
        run(catalog, List.of(byName.get("crm"), byName.get("erp")), "run-2");
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Table customers = tables.load(RapportTables.CUSTOMER_RECORDS);
            assertWrittenBy(customers, DataOperations.OVERWRITE);
            Map<String, Record> rows = rows(tables, RapportTables.CUSTOMER_RECORDS, key);
            assertThat(rows).containsOnlyKeys("crm/c1", "crm/c2", "erp/E-1");
            assertThat(rows.get("crm/c1").getField("ingest_run_id")).isEqualTo("run-2");
            assertThat(TableRows.mayHaveStoredSince(customers, afterFirst, "erp", ThreadPools.getWorkerPool()))
                    .isTrue();
            assertThat(TableRows.mayHaveStoredSince(customers, afterFirst, "legacy", ThreadPools.getWorkerPool()))
                    .isFalse();
            assertThat(TableRows.mayHaveStoredSince(customers, null, "crm", ThreadPools.getWorkerPool()))
                    .isTrue();
        }

        // a source new to the table is appended beside the stored ones, then replaced by its rerun
        run(catalog, List.of(byName.get("legacy")), "run-3");
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            assertWrittenBy(tables.load(RapportTables.CUSTOMER_RECORDS), DataOperations.APPEND);
            assertThat(rows(tables, RapportTables.CUSTOMER_RECORDS, key))
                    .containsOnlyKeys("crm/c1", "crm/c2", "erp/E-1", "legacy/r1");
        }
        run(catalog, List.of(byName.get("legacy")), "run-4");
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            assertWrittenBy(tables.load(RapportTables.CUSTOMER_RECORDS), DataOperations.OVERWRITE);
            Map<String, Record> rows = rows(tables, RapportTables.CUSTOMER_RECORDS, key);
            assertThat(rows).containsOnlyKeys("crm/c1", "crm/c2", "erp/E-1", "legacy/r1");
            assertThat(rows.get("legacy/r1").getField("ingest_run_id")).isEqualTo("run-4");
            assertThat(rows.get("crm/c1").getField("ingest_run_id")).isEqualTo("run-2");
        }
    }

    /** The table's last commit was of this kind: an append adds data files only, no delete file. */
    private static void assertWrittenBy(Table table, String operation) {
        Snapshot last = table.currentSnapshot();
        assertThat(last.operation()).isEqualTo(operation);
        if (operation.equals(DataOperations.APPEND)) {
            assertThat(last.addedDeleteFiles(table.io())).isEmpty();
        }
    }

    /**
     * The table's last commit added data files and deleted rows of those files by position only: no
     * equality delete, which every later reader would have to apply to every row.
     */
    private static void assertAppendedWithPositionDeletes(Table table) {
        Snapshot last = table.currentSnapshot();
        assertThat(last.addedDataFiles(table.io())).isNotEmpty();
        assertThat(last.addedDeleteFiles(table.io()))
                .isNotEmpty()
                .allMatch(file -> file.content() == FileContent.POSITION_DELETES);
        assertThat(last.removedDataFiles(table.io())).isEmpty();
        assertThat(table.snapshots()).as("one commit").hasSize(1);
    }

    /** Every row as text without the run's timestamps, sorted. */
    private static List<String> contents(RapportCatalog tables, TableDefinition table) throws IOException {
        List<String> rows = new ArrayList<>();
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(tables.load(table)).build()) {
            for (Record record : records) {
                StringBuilder row = new StringBuilder();
                for (org.apache.iceberg.types.Types.NestedField field :
                        record.struct().fields()) {
                    if (!field.name().equals("ingested_at") && !field.name().equals("rejected_at")) {
                        row.append(field.name())
                                .append('=')
                                .append(record.getField(field.name()))
                                .append(';');
                    }
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        return rows;
    }

    private static IngestionReport run(CatalogConfig catalog, List<SourceConfig> sources, String runId)
            throws Exception {
        return run(catalog, sources, runId, 2);
    }

    private static IngestionReport run(CatalogConfig catalog, List<SourceConfig> sources, String runId, int parallelism)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        new IngestionJob(catalog, sources, runId).build(env);
        JobExecutionResult result = env.execute("ingest " + runId);
        return IngestionJob.report(result);
    }

    private static Map<String, Record> rows(RapportCatalog tables, TableDefinition table, Function<Record, String> key)
            throws IOException {
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(tables.load(table)).build()) {
            Map<String, Record> rows = new LinkedHashMap<>();
            for (Record record : records) {
                Record previous = rows.put(key.apply(record), record.copy());
                assertThat(previous).as("duplicate row %s", key.apply(record)).isNull();
            }
            return rows;
        }
    }

    private static long count(RapportCatalog tables, TableDefinition table) throws IOException {
        try (CloseableIterable<Record> records =
                IcebergGenerics.read(tables.load(table)).build()) {
            long count = 0;
            for (Record ignored : records) {
                count++;
            }
            return count;
        }
    }

    private List<SourceConfig> writeSources() throws IOException {
        Files.createDirectories(dir.resolve("in"));
        write(
                "crm.csv",
                StandardCharsets.UTF_8,
                "\uFEFFId,FirstName,LastName,Email,Phone,Country,Notes\n"
                        + "c1,Ana,Petrović,Ana.P+news@Gmail.com,064 1234567,Serbia,\"likes, commas\"\n"
                        + "c2,\"John \"\"Jack\"\"\",Smith,john@example.com,+1 202 555 0143,United States,\"line one\n"
                        + "line two\"\n"
                        + "c3,Bad,Row,bad@example.com\n"
                        + ",NoId,Person,x@example.com,,RS,\n"
                        + "c4,Eve,Adams,eve@example.com,,Narnia,\n"
                        + "c1,Ana,Petrović,Ana.P+news@Gmail.com,064 1234567,Serbia,updated\n");
        write(
                "erp.csv",
                StandardCharsets.UTF_8,
                "Konto;Name;Geburtsdatum;Ort\n"
                        + "E-1;\"PETROVIĆ, Ana\";15.03.1985;Beograd\n"
                        + "E-2;\"JONES, Mary\";31.02.1990;London\n");
        write("legacy.csv", Charset.forName("windows-1251"), "id;prezime;ime\nr1;Петровић;Ана\n");
        write(
                "esp.jsonl",
                StandardCharsets.UTF_8,
                "{\"id\": \"ev1\", \"type\": \"open\", \"ts\": \"2024-03-01T10:15:00Z\", \"data\": {\"email\": \"Ana.P@gmail.com\"}}\n"
                        + "{\"id\": \"ev1\", \"type\": \"open\", \"ts\": \"2024-03-01T10:15:00Z\", \"data\": {\"email\": \"Ana.P@gmail.com\"}}\n"
                        + "\n"
                        + "{\"id\": \"ev2\", \"type\": \"click\", \"ts\": \"2024-03-01T10:20:00+01:00\", \"data\": {\"email\": \"ana.p@gmail.com\"}, \"url\": \"https://shop.example/x\"}\n"
                        + "{\"id\": \"ev9\", broken\n"
                        + "{\"id\": \"ev3\", \"type\": \"forward\", \"ts\": \"2024-03-01T11:00:00Z\"}\n");
        writeSurveys(dir.resolve("in/surveys.avro"));
        writeWebVisits(dir.resolve("in/web.parquet"));

        List<SourceConfig> sources = new ArrayList<>();
        sources.add(source(
                0,
                Map.of(
                        "name", "crm",
                        "kind", "customer",
                        "format", "csv",
                        "path", "in/crm.csv",
                        "options", Map.of("default_country", "RS"),
                        "mapping",
                                ordered(
                                        "source_id", "Id",
                                        "first_name", "FirstName",
                                        "last_name", "LastName",
                                        "email", "Email",
                                        "phone", "Phone",
                                        "country", "Country"))));
        sources.add(source(
                1,
                Map.of(
                        "name", "erp",
                        "kind", "customer",
                        "format", "csv",
                        "path", "in/erp.csv",
                        "options", Map.of("delimiter", ";", "default_country", "RS"),
                        "mapping",
                                ordered(
                                        "source_id", "Konto",
                                        "last_name", Map.of("column", "Name", "split", ",", "part", 0),
                                        "first_name", Map.of("column", "Name", "split", ",", "part", 1),
                                        "birth_date", Map.of("column", "Geburtsdatum", "format", "dd.MM.yyyy"),
                                        "city", "Ort"))));
        sources.add(source(
                2,
                Map.of(
                        "name", "legacy",
                        "kind", "customer",
                        "format", "csv",
                        "path", "in/legacy*.csv",
                        "options", Map.of("delimiter", ";", "encoding", "windows-1251"),
                        "mapping", ordered("source_id", "id", "last_name", "prezime", "first_name", "ime"))));
        sources.add(source(
                3,
                Map.of(
                        "name", "esp",
                        "kind", "interaction",
                        "format", "jsonl",
                        "path", "in/esp.jsonl",
                        "mapping",
                                ordered(
                                        "source_event_id", "id",
                                        "event_type",
                                                Map.of(
                                                        "column",
                                                        "type",
                                                        "values",
                                                        Map.of("open", "email_open", "click", "email_click")),
                                        "event_time", "ts",
                                        "email", "data.email",
                                        "url", "url"))));
        sources.add(source(
                4,
                Map.of(
                        "name", "surveys",
                        "kind", "interaction",
                        "format", "avro",
                        "path", "in/surveys.avro",
                        "mapping",
                                ordered(
                                        "source_event_id", "id",
                                        "event_type", Map.of("const", "survey_response"),
                                        "event_time", Map.of("column", "at", "format", "epoch_millis"),
                                        "customer_ref", "customer",
                                        "survey_type", "kind",
                                        "score", "score"))));
        sources.add(source(
                5,
                Map.of(
                        "name", "web",
                        "kind", "interaction",
                        "format", "parquet",
                        "path", "in/web.parquet",
                        "mapping",
                                ordered(
                                        "source_event_id", "id",
                                        "event_type", "type",
                                        "event_time", "ts",
                                        "email", "email",
                                        "amount", "amount",
                                        "currency", "currency"))));
        return sources;
    }

    private SourceConfig source(int index, Map<String, Object> yaml) {
        return SourceConfig.fromMap(yaml, "sources[" + index + "]", dir);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private void write(String name, Charset charset, String text) throws IOException {
        Files.write(dir.resolve("in").resolve(name), text.getBytes(charset));
    }

    private static void writeSurveys(Path file) throws IOException {
        Schema schema = SchemaBuilder.record("Survey")
                .fields()
                .requiredString("id")
                .requiredString("customer")
                .requiredString("kind")
                .requiredInt("score")
                .requiredLong("at")
                .endRecord();
        try (DataFileWriter<GenericRecord> writer = new DataFileWriter<>(new GenericDatumWriter<>(schema))) {
            writer.create(schema, file.toFile());
            writer.append(survey(schema, "s1", "c1", "nps", 9));
            writer.append(survey(schema, "s2", "c2", "NPS", 11));
            writer.append(survey(schema, "s3", "c2", "CSAT", 4));
        }
    }

    private static GenericRecord survey(Schema schema, String id, String customer, String kind, int score) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("id", id);
        record.put("customer", customer);
        record.put("kind", kind);
        record.put("score", score);
        record.put("at", 1_709_287_200_000L);
        return record;
    }

    private static void writeWebVisits(Path file) throws IOException {
        Schema schema = SchemaBuilder.record("Visit")
                .fields()
                .requiredString("id")
                .requiredString("type")
                .requiredString("ts")
                .optionalString("email")
                .optionalString("amount")
                .optionalString("currency")
                .endRecord();
        try (ParquetWriter<GenericRecord> writer = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(file))
                .withSchema(schema)
                .build()) {
            GenericRecord visit = new GenericData.Record(schema);
            visit.put("id", "w1");
            visit.put("type", "web_visit");
            visit.put("ts", "2024-03-02T08:00:00");
            visit.put("email", "john@example.com");
            writer.write(visit);
            GenericRecord order = new GenericData.Record(schema);
            order.put("id", "w2");
            order.put("type", "order");
            order.put("ts", "2024-03-02T08:05:00Z");
            order.put("amount", "1.234,5");
            order.put("currency", "rsd");
            writer.write(order);
        }
    }
}
