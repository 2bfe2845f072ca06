package dev.rapport.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.ingest.job.SourceCounts;
import dev.rapport.ingest.job.StreamingIngestionJob;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job against a real Kafka broker (KRaft, in this JVM) on a MiniCluster with
 * checkpoints: email events with producer retries and malformed values land once each in
 * {@code staging.interactions}, the bad ones in {@code quarantine.rejected} at their offsets, and a
 * job stopped with a savepoint and restarted from it neither loses nor duplicates a record.
 */
class KafkaIngestionIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    private static KafkaTestBroker kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = KafkaTestBroker.start();
    }

    @AfterAll
    static void stopKafka() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void storesEachEventOnceAndQuarantinesMalformedRecordsAtTheirOffsets() throws Exception {
        String topic = "email-events-once";
        kafka.createTopic(topic, 2);
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            records.add(event(i));
        }
        for (int i = 0; i < 120; i += 8) {
            records.add(event(i)); // a producer's retry: the same event again, later in its partition
        }
        records.add(Map.entry("bad-1", bytes("{\"id\": \"ev-x\", \"type\": \"open\", ")));
        records.add(Map.entry("bad-2", bytes("[1, 2, 3]")));
        records.add(Map.entry("bad-3", bytes(json("ev-bad-3", "forward", "2024-03-01T09:00:00Z"))));
        records.add(Map.entry("bad-4", bytes(json("ev-bad-4", "open", "yesterday"))));
        records.add(Map.entry("bad-5", new byte[] {(byte) 0xC3, (byte) 0x28, '{'}));
        List<String> locations = kafka.send(topic, records);
        Set<String> badLocations = new TreeSet<>(locations.subList(135, 140));

        CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(dir.resolve("data")));
        SourceConfig source = source("esp", topic, "earliest");
        JobClient job = start(catalog, source, "run-1", null);
        try {
            awaitCounts(job, new SourceCounts(140, 120, 15, 5));
            Eventually.await(
                    "120 events and 5 rejects committed",
                    TIMEOUT,
                    () -> count(catalog, RapportTables.INTERACTIONS) == 120
                            && count(catalog, RapportTables.REJECTED) == 5);
        } finally {
            job.cancel().get(1, TimeUnit.MINUTES);
        }

        Map<String, Record> events =
                rows(catalog, RapportTables.INTERACTIONS, r -> (String) r.getField("source_event_id"));
        assertThat(events.keySet())
                .isEqualTo(IntStream.range(0, 120)
                        .mapToObj(KafkaIngestionIT::eventId)
                        .collect(Collectors.toSet()));
        Record first = events.get("ev-000");
        assertThat(first.getField("event_type")).isEqualTo("email_open");
        assertThat(first.getField("category")).isEqualTo("email");
        assertThat(first.getField("email")).isEqualTo("person0@example.com");
        assertThat((String) first.getField("source_location")).startsWith(topic + "/");

        Map<String, Record> rejects = rows(catalog, RapportTables.REJECTED, r -> (String) r.getField("location"));
        assertThat(rejects.keySet()).isEqualTo(badLocations);
        assertThat(rejects.values()).allSatisfy(reject -> {
            assertThat(reject.getField("source")).isEqualTo("esp");
            assertThat((String) reject.getField("message")).isNotBlank();
        });
        Map<String, String> codes = new HashMap<>();
        for (int i = 0; i < 5; i++) {
            codes.put("bad-" + (i + 1), (String)
                    rejects.get(locations.get(135 + i)).getField("error_code"));
        }
        assertThat(codes.get("bad-1")).isEqualTo("MALFORMED_JSON");
        assertThat(codes.get("bad-2")).isEqualTo("MALFORMED_JSON");
        assertThat(codes.get("bad-5")).isEqualTo("MALFORMED_JSON");
        assertThat(codes.get("bad-3")).isNotEqualTo("MALFORMED_JSON");
        assertThat(codes.get("bad-4")).isNotEqualTo("MALFORMED_JSON");
    }

    @Test
    void resumesFromASavepointWithoutLosingOrDuplicatingRecords() throws Exception {
        String topic = "email-events-resume";
        kafka.createTopic(topic, 2);
        List<Map.Entry<String, byte[]>> firstHalf = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            firstHalf.add(event(i));
        }
        for (int i = 1; i < 60; i += 12) {
            firstHalf.add(event(i));
        }
        kafka.send(topic, firstHalf);

        CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(dir.resolve("data")));
        SourceConfig source = source("esp", topic, "committed");
        JobClient first = start(catalog, source, "run-1", null);
        String savepoint;
        try {
            awaitCounts(first, new SourceCounts(65, 60, 5, 0));
            Eventually.await("60 events committed", TIMEOUT, () -> count(catalog, RapportTables.INTERACTIONS) == 60);
        } finally {
            savepoint = first.stopWithSavepoint(
                            false, dir.resolve("savepoints").toUri().toString(), SavepointFormatType.CANONICAL)
                    .get(2, TimeUnit.MINUTES);
        }

        List<Map.Entry<String, byte[]>> secondHalf = new ArrayList<>();
        for (int i = 60; i < 120; i++) {
            secondHalf.add(event(i));
        }
        for (int i = 3; i < 120; i += 24) {
            secondHalf.add(event(i)); // retries of events from before and after the stop
        }
        kafka.send(topic, secondHalf);

        JobClient second = start(catalog, source, "run-2", savepoint);
        try {
            // Only the records after the savepoint's offsets are read again, and the retries of events
            // stored before the stop are recognized from the restored state.
            awaitCounts(second, new SourceCounts(65, 60, 5, 0));
            Eventually.await("120 events committed", TIMEOUT, () -> count(catalog, RapportTables.INTERACTIONS) == 120);
        } finally {
            second.cancel().get(1, TimeUnit.MINUTES);
        }

        Map<String, Record> events =
                rows(catalog, RapportTables.INTERACTIONS, r -> (String) r.getField("source_event_id"));
        assertThat(events.keySet())
                .isEqualTo(IntStream.range(0, 120)
                        .mapToObj(KafkaIngestionIT::eventId)
                        .collect(Collectors.toSet()));
        assertThat(events.get("ev-000").getField("ingest_run_id")).isEqualTo("run-1");
        assertThat(events.get("ev-100").getField("ingest_run_id")).isEqualTo("run-2");
        assertThat(count(catalog, RapportTables.REJECTED)).isZero();
    }

    @Test
    void decodesAvroSurveyResponsesWithTheConfiguredWriterSchema() throws Exception {
        String topic = "survey-responses-avro";
        kafka.createTopic(topic, 2);
        Schema schema = SchemaBuilder.record("SurveyResponse")
                .namespace("example.survey")
                .fields()
                .requiredString("response_id")
                .requiredString("survey")
                .requiredInt("score")
                .requiredLong("answered_at_ms")
                .optionalString("email")
                .endRecord();
        Files.writeString(dir.resolve("survey_response.avsc"), schema.toString(true));
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            GenericRecord response = new GenericData.Record(schema);
            response.put("response_id", "resp-" + i);
            response.put("survey", "NPS");
            response.put("score", i % 11);
            response.put("answered_at_ms", 1_709_280_000_000L + i * 60_000L);
            response.put("email", i % 2 == 0 ? "Person" + i + "@Example.com" : null);
            records.add(Map.entry("resp-" + i, avroBinary(response)));
        }
        byte[] good = records.get(0).getValue();
        records.add(Map.entry("bad-truncated", Arrays.copyOf(good, good.length - 3)));
        records.add(Map.entry("bad-json", bytes(json("ev-1", "open", "2024-03-01T09:00:00Z"))));
        GenericRecord outOfRange = new GenericData.Record(schema);
        outOfRange.put("response_id", "resp-bad");
        outOfRange.put("survey", "NPS");
        outOfRange.put("score", 11);
        outOfRange.put("answered_at_ms", 1_709_280_000_000L);
        records.add(Map.entry("bad-score", avroBinary(outOfRange)));
        List<String> locations = kafka.send(topic, records);

        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", "surveys");
        yaml.put("kind", "interaction");
        yaml.put("format", "kafka-avro");
        yaml.put("bootstrap_servers", kafka.bootstrapServers());
        yaml.put("topic", topic);
        yaml.put("starting_offsets", "earliest");
        yaml.put("value_schema", "survey_response.avsc");
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("source_event_id", "response_id");
        mapping.put("event_type", Map.of("const", "survey_response"));
        mapping.put("event_time", Map.of("column", "answered_at_ms", "format", "epoch_millis"));
        mapping.put("survey_type", "survey");
        mapping.put("score", "score");
        mapping.put("email", "email");
        yaml.put("mapping", mapping);
        SourceConfig source = SourceConfig.fromMap(yaml, "sources[0]", dir);

        CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(dir.resolve("data")));
        JobClient job = start(catalog, source, "run-avro", null);
        try {
            awaitCounts(job, "surveys", new SourceCounts(43, 40, 0, 3));
            Eventually.await(
                    "40 responses and 3 rejects committed",
                    TIMEOUT,
                    () -> count(catalog, RapportTables.INTERACTIONS) == 40
                            && count(catalog, RapportTables.REJECTED) == 3);
        } finally {
            job.cancel().get(1, TimeUnit.MINUTES);
        }

        Map<String, Record> responses =
                rows(catalog, RapportTables.INTERACTIONS, r -> (String) r.getField("source_event_id"));
        Record seventh = responses.get("resp-7");
        assertThat(seventh.getField("event_type")).isEqualTo("survey_response");
        assertThat(seventh.getField("survey_type")).isEqualTo("NPS");
        assertThat(seventh.getField("score")).isEqualTo(7);
        assertThat(seventh.getField("email")).isNull();
        assertThat(responses.get("resp-8").getField("email")).isEqualTo("person8@example.com");
        assertThat(seventh.getField("event_time").toString()).startsWith("2024-03-01T08:07");

        Map<String, Record> rejects = rows(catalog, RapportTables.REJECTED, r -> (String) r.getField("location"));
        assertThat(rejects.keySet()).containsExactlyInAnyOrderElementsOf(locations.subList(40, 43));
        assertThat(rejects.get(locations.get(40)).getField("error_code")).isEqualTo("MALFORMED_AVRO");
        assertThat(rejects.get(locations.get(41)).getField("error_code")).isEqualTo("MALFORMED_AVRO");
        assertThat(Base64.getDecoder()
                        .decode((String) rejects.get(locations.get(41)).getField("raw_payload")))
                .isEqualTo(records.get(41).getValue());
        assertThat(rejects.get(locations.get(42)).getField("error_code")).isEqualTo("SCORE_OUT_OF_RANGE");
    }

    private static byte[] avroBinary(GenericRecord record) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(record.getSchema()).write(record, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static JobClient start(CatalogConfig catalog, SourceConfig source, String runId, String savepoint)
            throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        if (savepoint != null) {
            conf.set(StateRecoveryOptions.SAVEPOINT_PATH, savepoint);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(500);
        new StreamingIngestionJob(catalog, List.of(source), runId).build(env);
        return env.executeAsync("stream " + runId);
    }

    /** Waits until the running job's counters reach {@code expected}, then checks they stay balanced. */
    private static void awaitCounts(JobClient job, SourceCounts expected) throws Exception {
        awaitCounts(job, "esp", expected);
    }

    private static void awaitCounts(JobClient job, String sourceName, SourceCounts expected) throws Exception {
        Eventually.await("counts " + expected, TIMEOUT, () -> {
            IngestionReport report =
                    IngestionReport.fromAccumulators(job.getAccumulators().get(10, TimeUnit.SECONDS));
            return report.source(sourceName).equals(expected);
        });
    }

    private SourceConfig source(String name, String topic, String startingOffsets) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", name);
        yaml.put("kind", "interaction");
        yaml.put("format", "kafka-json");
        yaml.put("bootstrap_servers", kafka.bootstrapServers());
        yaml.put("topic", topic);
        yaml.put("starting_offsets", startingOffsets);
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("source_event_id", "id");
        mapping.put(
                "event_type", Map.of("column", "type", "values", Map.of("open", "email_open", "click", "email_click")));
        mapping.put("event_time", "ts");
        mapping.put("email", "data.email");
        yaml.put("mapping", mapping);
        return SourceConfig.fromMap(yaml, "sources[0]", dir);
    }

    private static Map.Entry<String, byte[]> event(int i) {
        String time = String.format(Locale.ROOT, "2024-03-%02dT09:%02d:00Z", 1 + i % 28, i % 60);
        return Map.entry(
                eventId(i),
                bytes(json(eventId(i), i % 3 == 0 ? "open" : "click", time)
                        .replace("}", ", \"data\": {\"email\": \"person" + i + "@example.com\"}}")));
    }

    private static String eventId(int i) {
        return String.format(Locale.ROOT, "ev-%03d", i);
    }

    private static String json(String id, String type, String ts) {
        return "{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"ts\": \"" + ts + "\"}";
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static long count(CatalogConfig catalog, TableDefinition table) throws IOException {
        try (RapportCatalog tables = new RapportCatalog(catalog);
                CloseableIterable<Record> records =
                        IcebergGenerics.read(tables.load(table)).build()) {
            long count = 0;
            for (Record ignored : records) {
                count++;
            }
            return count;
        }
    }

    private static Map<String, Record> rows(
            CatalogConfig catalog, TableDefinition table, java.util.function.Function<Record, String> key)
            throws IOException {
        try (RapportCatalog tables = new RapportCatalog(catalog);
                CloseableIterable<Record> records =
                        IcebergGenerics.read(tables.load(table)).build()) {
            Map<String, Record> rows = new LinkedHashMap<>();
            for (Record record : records) {
                Record previous = rows.put(key.apply(record), record.copy());
                assertThat(previous).as("duplicate row %s", key.apply(record)).isNull();
            }
            return rows;
        }
    }
}
