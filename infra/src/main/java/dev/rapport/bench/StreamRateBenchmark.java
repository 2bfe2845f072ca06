package dev.rapport.bench;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.job.StreamingIngestionJob;
import dev.rapport.runtime.ExecutionTarget;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The streaming ingestion job's sustained rate: a backlog of email events is produced to a new
 * topic first, then the job (on the embedded runtime or a Flink session cluster) drains it into
 * {@code staging.interactions}. The rate is the events committed between the first and the last
 * committed snapshot over the time between them, so job submission and start are reported apart.
 * The table is polled through the catalog every 100 ms, reading only snapshot summaries.
 */
public final class StreamRateBenchmark {

    private static final Duration POLL = Duration.ofMillis(100);

    private StreamRateBenchmark() {}

    public static void run(
            String bootstrapServers,
            int events,
            Duration checkpointInterval,
            int parallelism,
            ExecutionTarget target,
            Path workDir,
            PrintStream out)
            throws Exception {
        String topic = "rapport-bench-rate-" + Long.toHexString(System.currentTimeMillis());
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, parallelism, (short) 1)))
                    .all()
                    .get();
        }
        produceBacklog(bootstrapServers, topic, events);

        // an absolute path: a cluster's TaskManagers on this machine reach the same catalog and warehouse
        Path data = workDir.toAbsolutePath().resolve("stream-rate-data");
        BatchIngestBenchmark.deleteTree(data);
        CatalogConfig catalog = CatalogConfig.embedded(Files.createDirectories(data));
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            tables.ensure(RapportTables.INTERACTIONS);
        }

        Configuration conf = new Configuration();
        conf.set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.STREAMING);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        StreamExecutionEnvironment env = target.isEmbedded()
                ? StreamExecutionEnvironment.getExecutionEnvironment(conf)
                : new StreamExecutionEnvironment(target.apply(conf));
        env.enableCheckpointing(checkpointInterval.toMillis());
        SourceConfig source = StreamLatencyBenchmark.source(bootstrapServers, topic, workDir);
        new StreamingIngestionJob(catalog, List.of(source), "bench-rate").build(env);

        long submitted = System.nanoTime();
        JobClient job = env.executeAsync("bench stream rate");
        long firstCommit = 0;
        long firstCommitRecords = 0;
        long lastCommit = 0;
        long committed = 0;
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Table table = tables.load(RapportTables.INTERACTIONS);
            long deadline = submitted + TimeUnit.MINUTES.toNanos(10) + TimeUnit.MILLISECONDS.toNanos(events);
            while (committed < events && System.nanoTime() < deadline) {
                Thread.sleep(POLL.toMillis());
                table.refresh();
                Snapshot snapshot = table.currentSnapshot();
                long now = System.nanoTime();
                long records = snapshot == null ? 0 : totalRecords(snapshot);
                if (records > committed) {
                    if (firstCommit == 0) {
                        firstCommit = now;
                        firstCommitRecords = records;
                    }
                    lastCommit = now;
                    committed = records;
                }
            }
        } finally {
            job.cancel().get(1, TimeUnit.MINUTES);
        }
        if (committed < events) {
            throw new IllegalStateException("only " + committed + " of " + events + " events were committed in time");
        }

        List<String> values = new ArrayList<>(events);
        for (int i = 0; i < events; i++) {
            values.add(StreamLatencyBenchmark.value(i));
        }
        double ceiling = ParquetCeiling.jsonRate(source, values, workDir.resolve("stream-rate-ceiling.parquet"));
        double drainSeconds = (lastCommit - firstCommit) / 1e9;
        double rate = drainSeconds > 0 ? (committed - firstCommitRecords) / drainSeconds : Double.NaN;
        out.printf(
                Locale.ROOT,
                "stream rate: runtime=%s events=%d parallelism=%d checkpoint_interval_ms=%d;"
                        + " submit to first commit %.1f s, first to last commit %.1f s (%d events),"
                        + " sustained %.0f events/s, whole run %.0f events/s;"
                        + " ceiling (same events mapped straight to Parquet, 1 thread, no Flink)=%.0f records/s,"
                        + " sustained/ceiling=%.3f%n",
                target.isEmbedded() ? "embedded" : "cluster " + target.host().orElseThrow() + ":" + target.port(),
                events,
                parallelism,
                checkpointInterval.toMillis(),
                (firstCommit - submitted) / 1e9,
                drainSeconds,
                committed - firstCommitRecords,
                rate,
                committed / ((lastCommit - submitted) / 1e9),
                ceiling,
                rate / ceiling);
    }

    /** Rows in the table's data files at this snapshot (the job appends; each event is one row). */
    private static long totalRecords(Snapshot snapshot) {
        String total = snapshot.summary().get("total-records");
        return total == null ? 0 : Long.parseLong(total);
    }

    private static void produceBacklog(String servers, String topic, int events) throws Exception {
        Map<String, Object> props = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                servers,
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.LINGER_MS_CONFIG,
                20);
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events; i++) {
                String value = StreamLatencyBenchmark.value(i);
                producer.send(new ProducerRecord<>(topic, "ev-" + i, value.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }
}
