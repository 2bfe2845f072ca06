package dev.rapport.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.job.StreamingIngestionJob;
import dev.rapport.ingest.stream.Eventually;
import dev.rapport.ingest.stream.KafkaTestBroker;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.testing.PostgresServer;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.format.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Change data capture end to end with real parts: a PostgreSQL server with logical replication,
 * Debezium's embedded engine (PostgreSQL connector, {@code pgoutput}) turning its changes into
 * Debezium JSON change events on a real Kafka broker, and the streaming ingestion job applying them
 * to {@code staging.customer_records}: snapshot rows, inserts, updates and a delete (kept as a row
 * with {@code deleted_at}), and a stale change re-delivered after a newer one, which must not win.
 */
class DebeziumChangeCaptureIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String TOPIC = "erp.public.customers";

    @RegisterExtension
    static final MiniClusterExtension MINI_CLUSTER =
            new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                    .setNumberTaskManagers(1)
                    .setNumberSlotsPerTaskManager(2)
                    .build());

    @TempDir
    Path dir;

    @Test
    void appliesRealChangeEventsOfAnErpTableIncludingDeletesInDatabaseOrder() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(
                        "erp", Map.of("wal_level", "logical", "max_replication_slots", "4", "max_wal_senders", "4"));
                KafkaTestBroker kafka = KafkaTestBroker.start()) {
            kafka.createTopic(TOPIC, 2);
            try (Connection db = postgres.connect("erp");
                    Statement sql = db.createStatement()) {
                sql.execute("CREATE TABLE customers (id integer PRIMARY KEY, first_name text, last_name text,"
                        + " email text, country text, updated_at timestamptz)");
                // The whole old row in delete events, so a deleted customer keeps its last values.
                sql.execute("ALTER TABLE customers REPLICA IDENTITY FULL");
                sql.execute("INSERT INTO customers VALUES"
                        + " (1, 'Ana', 'Petrović', 'ana@example.com', 'RS', '2024-01-01T10:00:00Z'),"
                        + " (2, 'Marko', 'Jovanović', 'marko@example.com', 'RS', '2024-01-01T10:00:00Z'),"
                        + " (3, 'Ivana', 'Nikolić', 'ivana@example.com', 'Serbia', '2024-01-01T10:00:00Z')");
            }

            List<ChangeEvent<String, String>> captured = new ArrayList<>();
            try (CapturedChanges changes = CapturedChanges.start(postgres, kafka, captured)) {
                changes.await(3); // the snapshot: the replication slot exists, later changes stream
                try (Connection db = postgres.connect("erp");
                        Statement sql = db.createStatement()) {
                    sql.execute("INSERT INTO customers VALUES"
                            + " (4, 'Петар', 'Илић', 'petar@example.com', 'RS', '2024-02-01T09:00:00Z')");
                    sql.execute("UPDATE customers SET email = 'ana.p@example.com', updated_at = '2024-02-02T09:00:00Z'"
                            + " WHERE id = 1");
                    sql.execute("UPDATE customers SET email = 'ana.petrovic@example.com',"
                            + " updated_at = '2024-02-03T09:00:00Z' WHERE id = 1");
                    sql.execute("DELETE FROM customers WHERE id = 2");
                    sql.execute("UPDATE customers SET country = 'nowhere' WHERE id = 3");
                }
                // 3 snapshot reads, 1 insert, 2 updates, 1 delete and its tombstone, 1 update.
                changes.await(9);
            }

            // A stale re-delivery of a real event: the first update of customer 1 sent again after
            // the second one. Its log position is older, so it must not replace the newer email.
            ChangeEvent<String, String> firstUpdate = captured.stream()
                    .filter(e -> e.value() != null
                            && e.value().contains("\"op\":\"u\"")
                            && e.value().contains("ana.p@example.com"))
                    .findFirst()
                    .orElseThrow();
            kafka.send(TOPIC, List.of(Map.entry(firstUpdate.key(), bytes(firstUpdate.value()))));

            CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(dir.resolve("data")));
            JobClient job = start(catalog, source(kafka));
            try {
                Eventually.await(
                        "4 customer rows and 1 reject committed",
                        TIMEOUT,
                        () -> rows(catalog, RapportTables.CUSTOMER_RECORDS).size() == 4
                                && rows(catalog, RapportTables.REJECTED).size() == 1);
            } finally {
                job.cancel().get(1, TimeUnit.MINUTES);
            }

            Map<String, Record> customers = new LinkedHashMap<>();
            for (Record row : rows(catalog, RapportTables.CUSTOMER_RECORDS)) {
                assertThat(customers.put((String) row.getField("source_id"), row))
                        .as("one row per source_id")
                        .isNull();
            }
            assertThat(customers.keySet()).containsExactlyInAnyOrder("1", "2", "3", "4");
            assertThat(customers.get("1").getField("email")).isEqualTo("ana.petrovic@example.com");
            assertThat(customers.get("1").getField("deleted_at")).isNull();
            assertThat(customers.get("1").getField("updated_at").toString()).startsWith("2024-02-03T09:00");
            assertThat(customers.get("4").getField("last_name_key")).isEqualTo("ilic");
            Record deleted = customers.get("2");
            assertThat(deleted.getField("deleted_at")).isNotNull();
            assertThat(deleted.getField("email")).isEqualTo("marko@example.com");
            assertThat((String) deleted.getField("source_location")).startsWith(TOPIC + "/");
            // Customer 3's update has a country that does not exist: the update is quarantined and
            // the row keeps its snapshot values.
            assertThat(customers.get("3").getField("country")).isEqualTo("RS");
            Record reject = rows(catalog, RapportTables.REJECTED).get(0);
            assertThat(reject.getField("error_code")).isEqualTo("INVALID_COUNTRY");
            assertThat((String) reject.getField("raw_payload")).contains("nowhere");
        }
    }

    private SourceConfig source(KafkaTestBroker kafka) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", "erp");
        yaml.put("kind", "customer");
        yaml.put("format", "kafka-debezium");
        yaml.put("bootstrap_servers", kafka.bootstrapServers());
        yaml.put("topic", TOPIC);
        yaml.put("starting_offsets", "earliest");
        Map<String, Object> mapping = new LinkedHashMap<>();
        mapping.put("source_id", "id");
        mapping.put("first_name", "first_name");
        mapping.put("last_name", "last_name");
        mapping.put("email", "email");
        mapping.put("country", "country");
        mapping.put("updated_at", "updated_at");
        yaml.put("mapping", mapping);
        return SourceConfig.fromMap(yaml, "sources[0]", dir);
    }

    private static JobClient start(CatalogConfig catalog, SourceConfig source) throws Exception {
        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        env.enableCheckpointing(500);
        new StreamingIngestionJob(catalog, List.of(source), "cdc-run").build(env);
        return env.executeAsync("cdc");
    }

    private static List<Record> rows(CatalogConfig catalog, dev.rapport.schemas.table.TableDefinition table)
            throws Exception {
        try (RapportCatalog tables = new RapportCatalog(catalog);
                CloseableIterable<Record> records =
                        IcebergGenerics.read(tables.load(table)).build()) {
            List<Record> rows = new ArrayList<>();
            for (Record record : records) {
                rows.add(record.copy());
            }
            return rows;
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Debezium's embedded engine on the PostgreSQL server, publishing every change event to the
     * broker under its Debezium key (so one row's changes stay in one partition, in order), as
     * Kafka Connect with Debezium would; tombstones are published too.
     */
    private static final class CapturedChanges implements AutoCloseable {

        private final DebeziumEngine<ChangeEvent<String, String>> engine;
        private final ExecutorService executor;
        private final List<ChangeEvent<String, String>> captured;
        private final AtomicReference<Throwable> failure;

        private CapturedChanges(
                DebeziumEngine<ChangeEvent<String, String>> engine,
                ExecutorService executor,
                List<ChangeEvent<String, String>> captured,
                AtomicReference<Throwable> failure) {
            this.engine = engine;
            this.executor = executor;
            this.captured = captured;
            this.failure = failure;
        }

        static CapturedChanges start(
                PostgresServer postgres, KafkaTestBroker kafka, List<ChangeEvent<String, String>> captured) {
            Properties props = new Properties();
            props.setProperty("name", "rapport-erp-capture");
            props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
            props.setProperty("offset.storage", "org.apache.kafka.connect.storage.MemoryOffsetBackingStore");
            props.setProperty("offset.flush.interval.ms", "1000");
            // Kafka Connect 4 requires it; the embedded engine hands records to us, not to Kafka.
            props.setProperty("bootstrap.servers", kafka.bootstrapServers());
            String url = postgres.jdbcUrl("erp"); // jdbc:postgresql://127.0.0.1:PORT/erp
            String hostPort = url.substring("jdbc:postgresql://".length(), url.lastIndexOf('/'));
            props.setProperty("database.hostname", hostPort.substring(0, hostPort.indexOf(':')));
            props.setProperty("database.port", hostPort.substring(hostPort.indexOf(':') + 1));
            props.setProperty("database.user", PostgresServer.USER);
            props.setProperty("database.password", postgres.password());
            props.setProperty("database.dbname", "erp");
            props.setProperty("topic.prefix", "erp");
            props.setProperty("plugin.name", "pgoutput");
            props.setProperty("slot.name", "rapport_test");
            props.setProperty("publication.autocreate.mode", "filtered");
            props.setProperty("table.include.list", "public.customers");
            props.setProperty("snapshot.mode", "initial");
            // Keep Debezium's JSON converter's {schema, payload} wrapper: Rapport reads both forms.
            props.setProperty("converter.schemas.enable", "true");
            AtomicReference<Throwable> failure = new AtomicReference<>();
            DebeziumEngine<ChangeEvent<String, String>> engine = DebeziumEngine.create(Json.class)
                    .using(props)
                    .notifying(event -> {
                        try {
                            kafka.send(
                                    event.destination(),
                                    List.of(new AbstractMap.SimpleEntry<>(event.key(), bytes(event.value()))));
                            synchronized (captured) {
                                captured.add(event);
                            }
                        } catch (Exception e) {
                            failure.compareAndSet(null, e);
                        }
                    })
                    .using((success, message, error) -> {
                        if (!success) {
                            failure.compareAndSet(null, error != null ? error : new IllegalStateException(message));
                        }
                    })
                    .build();
            ExecutorService executor = Executors.newSingleThreadExecutor();
            executor.execute(engine);
            return new CapturedChanges(engine, executor, captured, failure);
        }

        void await(int events) throws Exception {
            Eventually.await(events + " change events published", TIMEOUT, () -> {
                if (failure.get() != null) {
                    throw new AssertionError("Debezium failed", failure.get());
                }
                synchronized (captured) {
                    return captured.size() >= events;
                }
            });
        }

        @Override
        public void close() throws Exception {
            engine.close();
            executor.shutdown();
            executor.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
