package dev.rapport.bench;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.job.StreamingIngestionJob;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Latency from produce to committed-and-visible: email events are produced at a steady rate to a
 * new topic on the given broker while the streaming ingestion job runs (embedded, STREAMING mode,
 * the given checkpoint interval); a watcher polls the table every 20 ms and, for each new snapshot,
 * reads the event ids of its added data files. An event's latency is the time from the producer's
 * acknowledgement to the first poll that sees it.
 */
public final class StreamLatencyBenchmark {

    private static final Duration POLL = Duration.ofMillis(20);

    private StreamLatencyBenchmark() {}

    public static void run(
            String bootstrapServers,
            int events,
            int perSecond,
            Duration checkpointInterval,
            int parallelism,
            Path workDir,
            PrintStream out)
            throws Exception {
        String topic = "rapport-bench-" + Long.toHexString(System.currentTimeMillis());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, parallelism, (short) 1)))
                    .all()
                    .get();
        }
        Path data = workDir.resolve("stream-data");
        BatchIngestBenchmark.deleteTree(data);
        CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(data));

        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(checkpointInterval.toMillis());
        SourceConfig source = source(bootstrapServers, topic, workDir);
        new StreamingIngestionJob(catalog, List.of(source), "bench").build(env);
        JobClient job = env.executeAsync("bench stream latency");
        // Measure the running job, not its start: one warm-up event must be committed first.
        warmUp(bootstrapServers, topic, catalog);

        long[] producedAt = new long[events];
        long[] visibleAt = new long[events];
        Thread producer = new Thread(() -> produce(bootstrapServers, topic, events, perSecond, producedAt));
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Table table = tables.load(RapportTables.INTERACTIONS);
            Set<Long> seenSnapshots = new HashSet<>();
            Schema ids = table.schema().select("source_event_id");
            long started = System.nanoTime();
            producer.start();
            int visible = 0;
            long deadline = System.nanoTime()
                    + TimeUnit.SECONDS.toNanos(events / Math.max(1, perSecond) + 120)
                    + checkpointInterval.toNanos() * 10;
            while (visible < events && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
                table.refresh();
                long now = System.nanoTime();
                for (Snapshot snapshot = table.currentSnapshot();
                        snapshot != null && seenSnapshots.add(snapshot.snapshotId());
                        snapshot = snapshot.parentId() == null ? null : table.snapshot(snapshot.parentId())) {
                    for (DataFile file : snapshot.addedDataFiles(table.io())) {
                        try (CloseableIterable<Record> records = Parquet.read(
                                        table.io().newInputFile(file.location()))
                                .project(ids)
                                .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(ids, fileSchema))
                                .build()) {
                            for (Record record : records) {
                                String id = (String) record.getField("source_event_id");
                                if (!id.startsWith("ev-")) {
                                    continue; // the warm-up event
                                }
                                int i = Integer.parseInt(id.substring(3));
                                if (visibleAt[i] == 0) {
                                    visibleAt[i] = now;
                                    visible++;
                                }
                            }
                        }
                    }
                }
            }
            double seconds = BatchIngestBenchmark.seconds(started);
            producer.join();
            job.cancel().get(1, TimeUnit.MINUTES);
            long[] latencies = new long[visible];
            int n = 0;
            for (int i = 0; i < events; i++) {
                if (visibleAt[i] != 0) {
                    latencies[n++] = visibleAt[i] - producedAt[i];
                }
            }
            Arrays.sort(latencies);
            List<String> values = new java.util.ArrayList<>(events);
            for (int i = 0; i < events; i++) {
                values.add(value(i));
            }
            double ceiling = ParquetCeiling.jsonRate(source, values, workDir.resolve("stream-ceiling.parquet"));
            out.printf(
                    Locale.ROOT,
                    "stream: events=%d visible=%d produce_rate=%d/s checkpoint_interval_ms=%d parallelism=%d"
                            + " latency_ms p50=%.0f p99=%.0f max=%.0f; seconds=%.1f peak_rss_mb=%.0f;"
                            + " ceiling (same events mapped straight to Parquet, 1 thread, no Flink)="
                            + "%.0f records/s, produce rate/ceiling=%.3f%n",
                    events,
                    visible,
                    perSecond,
                    checkpointInterval.toMillis(),
                    parallelism,
                    percentile(latencies, 0.50),
                    percentile(latencies, 0.99),
                    latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6,
                    seconds,
                    PeakMemory.peakRssBytes() / 1048576.0,
                    ceiling,
                    perSecond / ceiling);
        }
    }

    private static void warmUp(String servers, String topic, CatalogConfig catalog) throws Exception {
        Map<String, Object> props = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            String value = value(0).replace("ev-0", "warm-up");
            producer.send(new ProducerRecord<>(topic, "warm-up", value.getBytes(StandardCharsets.UTF_8)))
                    .get();
        }
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Table table = tables.load(RapportTables.INTERACTIONS);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (table.currentSnapshot() == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the streaming job committed nothing within 5 minutes");
                }
                Thread.sleep(100);
                table.refresh();
            }
        }
    }

    private static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static void produce(String servers, String topic, int events, int perSecond, long[] producedAt) {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                0);
        long started = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                long due = started + (long) (i * 1e9 / perSecond);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                int index = i;
                String id = String.format(Locale.ROOT, "ev-%d", i);
                String value = value(i);
                producer.send(
                        new ProducerRecord<>(topic, id, value.getBytes(StandardCharsets.UTF_8)),
                        (metadata, error) -> producedAt[index] = System.nanoTime());
            }
            producer.flush();
        }
    }

    static String value(int i) {
        return "{\"id\": \"ev-" + i + "\", \"type\": \"open\", \"ts\": \"2024-03-01T09:00:00Z\","
                + " \"email\": \"person" + i + "@example.com\"}";
    }

    static SourceConfig source(String servers, String topic, Path workDir) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", "bench");
        yaml.put("kind", "interaction");
        yaml.put("format", "kafka-json");
        yaml.put("bootstrap_servers", servers);
        yaml.put("topic", topic);
        yaml.put("starting_offsets", "earliest");
        yaml.put(
                "mapping",
                Map.of(
                        "source_event_id", "id",
                        "event_type", Map.of("column", "type", "values", Map.of("open", "email_open")),
                        "event_time", "ts",
                        "email", "email"));
        return SourceConfig.fromMap(yaml, "bench", workDir);
    }
}
