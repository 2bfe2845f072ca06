package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.config.KafkaSettings;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.config.SourceKind;
import dev.rapport.ingest.read.KafkaRawRecordDeserializer;
import dev.rapport.ingest.read.RawRecord;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.util.OutputTag;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.IcebergSink;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/**
 * The continuous ingestion job: per Kafka source, read the topic, map and normalize each record
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

    public StreamingIngestionJob(CatalogConfig catalog, List<SourceConfig> sources, String runId) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.sources = List.copyOf(requireNonNull(sources, "sources is null"));
        this.runId = requireNonNull(runId, "runId is null");
        if (this.sources.isEmpty()) {
            throw new IllegalArgumentException("a streaming job needs at least one Kafka source");
        }
        Set<String> names = new HashSet<>();
        for (SourceConfig source : this.sources) {
            if (!source.isStream()) {
                throw new IllegalArgumentException(
                        "source " + source.name() + " reads files; the streaming job reads Kafka sources only");
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
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            tables.ensure(RapportTables.CUSTOMER_RECORDS);
            tables.ensure(RapportTables.INTERACTIONS);
            tables.ensure(RapportTables.REJECTED);
        }
        // The run's start: ingested_at of every row this run writes.
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<DataStream<RowData>> customers = new ArrayList<>();
        List<DataStream<RowData>> interactions = new ArrayList<>();
        List<DataStream<RowData>> rejects = new ArrayList<>();
        for (SourceConfig source : sources) {
            TableDefinition table =
                    source.kind() == SourceKind.CUSTOMER ? RapportTables.CUSTOMER_RECORDS : RapportTables.INTERACTIONS;
            OutputTag<RowData> rejectTag =
                    new OutputTag<>("rejected-" + source.name(), rowType(RapportTables.REJECTED));
            TypeInformation<Tuple3<String, String, RowData>> keyed =
                    new TupleTypeInfo<>(Types.STRING, Types.STRING, rowType(table));

            DataStream<RawRecord> raw = env.fromSource(
                            kafkaSource(source.kafka()), WatermarkStrategy.noWatermarks(), "read " + source.name())
                    .uid("ingest-" + source.name() + "-read");
            SingleOutputStreamOperator<Tuple3<String, String, RowData>> mapped = raw.process(
                            new MapRecordFunction(source, runId, startedAt, rejectTag), keyed)
                    .uid("ingest-" + source.name() + "-map")
                    .name("map and normalize " + source.name());
            rejects.add(mapped.getSideOutput(rejectTag));
            DataStream<RowData> unique = mapped.keyBy(record -> record.f0, Types.STRING)
                    .process(new StreamDeduplicateFunction(source.name()), rowType(table))
                    .uid("ingest-" + source.name() + "-deduplicate")
                    .name("deduplicate " + source.name());
            (source.kind() == SourceKind.CUSTOMER ? customers : interactions).add(unique);
        }
        sink(customers, RapportTables.CUSTOMER_RECORDS);
        sink(interactions, RapportTables.INTERACTIONS);
        sink(rejects, RapportTables.REJECTED);
    }

    static KafkaSource<RawRecord> kafkaSource(KafkaSettings kafka) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(kafka.bootstrapServers())
                .setTopics(kafka.topic())
                .setGroupId(kafka.groupId())
                .setStartingOffsets(startingOffsets(kafka))
                .setDeserializer(new KafkaRawRecordDeserializer())
                // Offsets are committed to the group on each checkpoint (monitoring, `committed`);
                // Flink's own checkpoint is what a restore reads, so this is not what makes it exact.
                .setProperty("commit.offsets.on.checkpoint", "true")
                // Read only committed records of transactional producers.
                .setProperty("isolation.level", "read_committed")
                .setClientIdPrefix("rapport-" + kafka.topic())
                .build();
    }

    private static OffsetsInitializer startingOffsets(KafkaSettings kafka) {
        return switch (kafka.startingOffsets()) {
            case EARLIEST -> OffsetsInitializer.earliest();
            case LATEST -> OffsetsInitializer.latest();
            case COMMITTED -> OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST);
        };
    }

    private void sink(List<DataStream<RowData>> streams, TableDefinition table) {
        if (streams.isEmpty()) {
            return;
        }
        DataStream<RowData> all = streams.get(0);
        for (DataStream<RowData> next : streams.subList(1, streams.size())) {
            all = all.union(next);
        }
        IcebergSink.forRowData(all)
                .tableLoader(TableLoader.fromCatalog(catalog.catalogLoader(), table.identifier()))
                .equalityFieldColumns(table.identifierFieldNames())
                .upsert(true)
                .uidSuffix("stream-ingest-" + table.qualifiedName())
                .append()
                .name("write " + table.qualifiedName());
    }

    private static TypeInformation<RowData> rowType(TableDefinition table) {
        return InternalTypeInfo.of(FlinkSchemaUtil.convert(table.schema()));
    }
}
