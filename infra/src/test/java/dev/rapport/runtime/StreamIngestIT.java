package dev.rapport.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.config.RapportConfig;
import dev.rapport.config.RapportConfigLoader;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rapport ingest --stream} as a user runs it, against a real Kafka broker: the command's
 * pipeline is stopped after its first records are committed, started again on the same config,
 * and resumes from its retained checkpoint: every event once, none lost.
 */
class StreamIngestIT {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void aStoppedStreamResumesFromItsCheckpoint() throws Exception {
        try (KafkaClusterTestKit kafka = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                        .setCombined(true)
                        .setNumBrokerNodes(1)
                        .setNumControllerNodes(1)
                        .build())
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("offsets.topic.num.partitions", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .build()) {
            kafka.format();
            kafka.startup();
            kafka.waitForReadyBrokers();
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("email-events", 2, (short) 1)))
                        .all()
                        .get();
            }
            Path file = dir.resolve("rapport.yaml");
            Files.writeString(
                    file,
                    "parallelism: 2\n"
                            + "sources:\n"
                            + "  - name: esp\n"
                            + "    kind: interaction\n"
                            + "    format: kafka-json\n"
                            + "    bootstrap_servers: " + kafka.bootstrapServers() + "\n"
                            + "    topic: email-events\n"
                            + "    mapping: {source_event_id: id, event_type: type, event_time: ts}\n"
                            + "streaming: {checkpoint_interval: 500ms}\n");
            Files.createDirectories(dir.resolve("rapport-data"));
            RapportConfig config = RapportConfigLoader.load(file);
            // Create the catalog before polling it: two threads initializing one SQLite catalog race.
            try (RapportCatalog tables = new RapportCatalog(config.catalog())) {
                tables.ensure(RapportTables.INTERACTIONS);
            }

            produce(kafka.bootstrapServers(), 0, 30);
            runUntil(config, 30);
            assertThat(StreamingSettings.latestCheckpoint(config.streaming().checkpointDir()))
                    .isPresent();

            produce(kafka.bootstrapServers(), 30, 60);
            produce(kafka.bootstrapServers(), 5, 8); // retries of events stored by the first run
            String output = runUntil(config, 60);

            assertThat(output).contains("resuming from checkpoint chk-");
            assertThat(eventIds(config)).hasSize(60);
        }
    }

    /** Runs the streaming pipeline in a thread until the table holds {@code rows}, then stops it. */
    private static String runUntil(RapportConfig config, int rows) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(output, true, StandardCharsets.UTF_8), false);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread stream = new Thread(() -> {
            try {
                new Pipeline(config, console).ingestStream();
            } catch (InterruptedException stopped) {
                // stopped by the test, as Ctrl-C stops the command
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        stream.start();
        try {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (eventIds(config).size() < rows && failure.get() == null) {
                assertThat(System.nanoTime())
                        .as("%d rows within %s", rows, TIMEOUT)
                        .isLessThan(deadline);
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            }
        } finally {
            stream.interrupt();
            stream.join(TimeUnit.MINUTES.toMillis(1));
        }
        assertThat(failure.get()).isNull();
        assertThat(stream.isAlive()).isFalse();
        return output.toString(StandardCharsets.UTF_8);
    }

    private static void produce(String servers, int from, int to) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of("bootstrap.servers", servers, "acks", "all"), new StringSerializer(), new StringSerializer())) {
            for (int i = from; i < to; i++) {
                String id = String.format(Locale.ROOT, "ev-%03d", i);
                producer.send(new ProducerRecord<>(
                        "email-events",
                        id,
                        "{\"id\": \"" + id + "\", \"type\": \"email_open\", \"ts\": \"2024-03-01T09:" + (10 + i % 50)
                                + ":00Z\"}"));
            }
            producer.flush();
        }
    }

    /** The source event ids in staging.interactions; fails on a duplicate row. */
    private static Set<String> eventIds(RapportConfig config) throws Exception {
        Set<String> ids = new HashSet<>();
        try (RapportCatalog tables = new RapportCatalog(config.catalog())) {
            if (!tables.exists(RapportTables.INTERACTIONS)) {
                return ids;
            }
            try (CloseableIterable<Record> records = IcebergGenerics.read(tables.load(RapportTables.INTERACTIONS))
                    .build()) {
                for (Record record : records) {
                    String id = (String) record.getField("source_event_id");
                    assertThat(ids.add(id)).as("duplicate row %s", id).isTrue();
                }
            }
        }
        return ids;
    }
}
