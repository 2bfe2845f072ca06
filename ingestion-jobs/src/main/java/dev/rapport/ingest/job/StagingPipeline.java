package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.config.SourceKind;
import dev.rapport.ingest.read.RawRecord;
import dev.rapport.ingest.suppress.Suppressions;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.types.Either;
import org.apache.flink.util.OutputTag;
import org.apache.iceberg.Table;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.IcebergSink;

/**
 * What batch and streaming ingestion share: per source, read → map and normalize (rejects to a side
 * output) → keep one record per natural key; then one upsert Iceberg sink per staging table, shared
 * by all its sources. Only the reader and the deduplicator differ between the two jobs, except for
 * a bounded run's first load of a table, which {@link AppendSink} writes where it is mapped and
 * deduplicates by position.
 */
final class StagingPipeline {

    /** A source's keyed records (natural key, order key, row) in, one row per natural key out. */
    interface Deduplicator
            extends BiFunction<
                    SourceConfig,
                    TypeInformation<Tuple3<String, String, RowData>>,
                    KeyedProcessFunction<String, Tuple3<String, String, RowData>, RowData>> {}

    private final CatalogConfig catalog;
    private final String runId;
    private final String sinkUidPrefix;
    private final Suppressions suppressions;
    private final boolean appendFirstLoads;

    /**
     * @param appendFirstLoads whether a table that holds no row of any of the run's sources for it
     *     yet is written by plain appends (a bounded run, whose deduplicated keys are unique, has
     *     nothing to replace there); a continuous job must upsert, as a later record of a key
     *     replaces the earlier one
     */
    StagingPipeline(
            CatalogConfig catalog,
            String runId,
            String sinkUidPrefix,
            Suppressions suppressions,
            boolean appendFirstLoads) {
        this.appendFirstLoads = appendFirstLoads;
        this.suppressions = requireNonNull(suppressions, "suppressions is null");
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.runId = requireNonNull(runId, "runId is null");
        this.sinkUidPrefix = requireNonNull(sinkUidPrefix, "sinkUidPrefix is null");
    }

    void build(
            StreamExecutionEnvironment env,
            List<SourceConfig> sources,
            Function<SourceConfig, Source<RawRecord, ?, ?>> readerFor,
            Deduplicator deduplicatorFor) {
        TableStreams customers = new TableStreams(RapportTables.CUSTOMER_RECORDS);
        TableStreams interactions = new TableStreams(RapportTables.INTERACTIONS);
        TableStreams rejects = new TableStreams(RapportTables.REJECTED);
        for (SourceConfig source : sources) {
            (source.kind() == SourceKind.CUSTOMER ? customers : interactions).sources.add(source.name());
            rejects.sources.add(source.name());
        }
        chooseWrites(List.of(customers, interactions, rejects));

        // One timestamp for the whole run: every row of the run carries the same ingested_at.
        Instant startedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (SourceConfig source : sources) {
            TableStreams target = source.kind() == SourceKind.CUSTOMER ? customers : interactions;
            OutputTag<RowData> rejectTag =
                    new OutputTag<>("rejected-" + source.name(), rowType(RapportTables.REJECTED));
            TypeInformation<Tuple3<String, String, RowData>> keyed =
                    new TupleTypeInfo<>(Types.STRING, Types.STRING, rowType(target.definition));

            DataStream<RawRecord> raw = env.fromSource(
                            readerFor.apply(source), WatermarkStrategy.noWatermarks(), "read " + source.name())
                    .uid("ingest-" + source.name() + "-read");
            SingleOutputStreamOperator<Tuple3<String, String, RowData>> mapped = raw.process(
                            new MapRecordFunction(source, runId, startedAt, rejectTag, suppressions), keyed)
                    .uid("ingest-" + source.name() + "-map")
                    .name("map and normalize " + source.name());
            rejects.streams.add(mapped.getSideOutput(rejectTag));
            if (target.append) {
                target.messages.addAll(AppendSink.writeKeyed(
                        mapped,
                        catalog,
                        target.definition,
                        source.name(),
                        target.nextWriterNumber(),
                        sinkUidPrefix + "append-" + source.name()));
            } else {
                target.streams.add(mapped.keyBy(record -> record.f0, Types.STRING)
                        .process(deduplicatorFor.apply(source, keyed), rowType(target.definition))
                        .uid("ingest-" + source.name() + "-deduplicate")
                        .name("deduplicate " + source.name()));
            }
        }
        sink(customers);
        sink(interactions);
        sink(rejects);
    }

    /**
     * Creates the tables a run writes if they are missing and decides, per table, whether the run
     * appends (a bounded run into a table that holds no row of its sources) or upserts.
     */
    private void chooseWrites(List<TableStreams> targets) {
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            for (TableStreams target : targets) {
                Table table = tables.ensure(target.definition);
                target.startSnapshotId = table.currentSnapshot() == null
                        ? null
                        : table.currentSnapshot().snapshotId();
                target.append = appendFirstLoads
                        && !target.sources.isEmpty()
                        && target.sources.stream().noneMatch(source -> TableRows.holdsSource(table, source));
            }
        }
    }

    private void sink(TableStreams target) {
        TableDefinition table = target.definition;
        String uid = sinkUidPrefix + "append-" + table.qualifiedName();
        if (target.append) {
            for (DataStream<RowData> rows : target.streams) {
                int writer = target.nextWriterNumber();
                target.messages.add(AppendSink.writeRows(rows, catalog, table, writer, uid + "-" + writer));
            }
            if (!target.messages.isEmpty()) {
                AppendSink.commit(target.messages, catalog, table, target.startSnapshotId, target.sources, uid);
            }
            return;
        }
        if (target.streams.isEmpty()) {
            return;
        }
        DataStream<RowData> all =
                target.streams.stream().reduce(DataStream::union).orElseThrow();
        IcebergSink.forRowData(all)
                .tableLoader(TableLoader.fromCatalog(catalog.catalogLoader(), table.identifier()))
                .equalityFieldColumns(table.identifierFieldNames())
                .upsert(true)
                .uidSuffix(sinkUidPrefix + table.qualifiedName())
                .append()
                .name("write " + table.qualifiedName());
    }

    /**
     * One table of the run: the sources bound for it, their streams and how they are written. An
     * upserted table gets deduplicated rows ({@code streams}); an appended one has its rows written
     * where they are mapped, and its commit gets the writers' messages ({@code messages}).
     */
    private static final class TableStreams {
        final TableDefinition definition;
        final Set<String> sources = new TreeSet<>();
        final List<DataStream<RowData>> streams = new ArrayList<>();
        final List<DataStream<Either<byte[], Tuple2<Long, Long>>>> messages = new ArrayList<>();
        Long startSnapshotId;
        boolean append;
        private int writers;

        TableStreams(TableDefinition definition) {
            this.definition = definition;
        }

        /** A number for the next operator writing files of this table, unique in the run. */
        int nextWriterNumber() {
            return writers++;
        }
    }

    private static TypeInformation<RowData> rowType(TableDefinition table) {
        return InternalTypeInfo.of(FlinkSchemaUtil.convert(table.schema()));
    }
}
