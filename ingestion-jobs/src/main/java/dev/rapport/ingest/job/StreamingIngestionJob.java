package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.config.KafkaSettings;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.read.KafkaAvroRecordDeserializer;
import dev.rapport.ingest.read.KafkaRawRecordDeserializer;
import dev.rapport.ingest.read.RawRecord;
import dev.rapport.ingest.suppress.Suppressions;
import dev.rapport.schemas.table.CatalogConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The continuous ingestion job: per Kafka source, read the topic (per watched file source, each new
 * file), map and normalize each record
 * exactly as a file record (same mapping, same quarantine), drop retries of a natural key already
 * seen, and upsert into {@code staging.customer_records} / {@code staging.interactions}; rejected
 * records go to {@code quarantine.rejected} located at {@code topic/partition/offset}.
 *
 * <p>Exactly once into Iceberg: the Kafka offsets and the seen keys are checkpointed, and Iceberg's
 * sink commits the files of a checkpoint when that checkpoint completes, so after a failure or a
 * restart from a checkpoint or savepoint the records after the restored offsets are read again and
 * land once. Should a record be replayed anyway, its deterministic id makes the upsert idempotent.
 * Run it in STREAMING mode with checkpointing on: without checkpoints nothing is ever committed.
 */
public final class StreamingIngestionJob {

    private final CatalogConfig catalog;
    private final List<SourceConfig> sources;
    private final String runId;
    private final Suppressions suppressions;

    public StreamingIngestionJob(CatalogConfig catalog, List<SourceConfig> sources, String runId) {
        this(catalog, sources, runId, Suppressions.none());
    }

    /** @param suppressions people who asked to be forgotten: their records are counted and skipped */
    public StreamingIngestionJob(
            CatalogConfig catalog, List<SourceConfig> sources, String runId, Suppressions suppressions) {
        this.suppressions = requireNonNull(suppressions, "suppressions is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.sources = List.copyOf(requireNonNull(sources, "sources is null"));
        this.runId = requireNonNull(runId, "runId is null");
        if (this.sources.isEmpty()) {
            throw new IllegalArgumentException("a streaming job needs at least one Kafka or watched file source");
        }
        Set<String> names = new HashSet<>();
        for (SourceConfig source : this.sources) {
            if (!source.isStream()) {
                throw new IllegalArgumentException("source " + source.name()
                        + " reads files once; the streaming job reads Kafka sources and files with mode: watch");
            }
            if (!names.add(source.name())) {
                throw new IllegalArgumentException("two sources are named '" + source.name() + "'");
            }
        }
    }

    public void build(StreamExecutionEnvironment env) {
        if (!env.getCheckpointConfig().isCheckpointingEnabled()) {
            throw new IllegalStateException(
                    "the streaming ingestion job needs checkpointing: Iceberg commits only on checkpoints");
        }
        new StagingPipeline(catalog, runId, "stream-ingest-", suppressions, false)
                .build(
                        env,
                        sources,
                        source -> source.kafka() != null ? kafkaSource(source) : FileSources.of(source),
                        (source, keyed) -> new StreamDeduplicateFunction(source.name()));
    }

    static KafkaSource<RawRecord> kafkaSource(SourceConfig source) {
        KafkaSettings kafka = source.kafka();
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(kafka.topic())
                .setGroupId(kafka.groupId())
                .setStartingOffsets(startingOffsets(kafka))
                .setDeserializer(deserializer(source))
                // Offsets are committed to the group on each checkpoint (monitoring, `committed`);
                // Flink's own checkpoint is what a restore reads, so this is not what makes it exact.
                .setProperty("commit.offsets.on.checkpoint", "true")
                // Read only committed records of transactional producers.
                .setProperty("isolation.level", "read_committed")
                .setClientIdPrefix("rapport-" + kafka.topic())
                .build();
    }

    private static KafkaRecordDeserializationSchema<RawRecord> deserializer(SourceConfig source) {
        return switch (source.format()) {
            case KAFKA_AVRO ->
                new KafkaAvroRecordDeserializer(
                        source.kafka().valueSchema(), source.kafka().valueEncoding());
            case KAFKA_DEBEZIUM -> new KafkaRawRecordDeserializer(true);
            case KAFKA_JSON -> new KafkaRawRecordDeserializer(false);
            case CSV, JSONL, AVRO, PARQUET, JDBC ->
                throw new IllegalArgumentException("source " + source.name() + " does not read Kafka");
        };
    }

    private static OffsetsInitializer startingOffsets(KafkaSettings kafka) {
        return switch (kafka.startingOffsets()) {
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }
}
