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
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.util.OutputTag;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.IcebergSink;

/**
 * What batch and streaming ingestion share: per source, read → map and normalize (rejects to a side
 * output) → keep one record per natural key; then one upsert Iceberg sink per staging table, shared
 * by all its sources. Only the reader and the deduplicator differ between the two jobs.
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

    StagingPipeline(CatalogConfig catalog, String runId, String sinkUidPrefix, Suppressions suppressions) {
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
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            tables.ensure(RapportTables.CUSTOMER_RECORDS);
            tables.ensure(RapportTables.INTERACTIONS);
            tables.ensure(RapportTables.REJECTED);
        }
        // One timestamp for the whole run: every row of the run carries the same ingested_at.
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
                            readerFor.apply(source), WatermarkStrategy.noWatermarks(), "read " + source.name())
                    .uid("ingest-" + source.name() + "-read");
            SingleOutputStreamOperator<Tuple3<String, String, RowData>> mapped = raw.process(
                            new MapRecordFunction(source, runId, startedAt, rejectTag, suppressions), keyed)
                    .uid("ingest-" + source.name() + "-map")
                    .name("map and normalize " + source.name());
            rejects.add(mapped.getSideOutput(rejectTag));
            DataStream<RowData> unique = mapped.keyBy(record -> record.f0, Types.STRING)
                    .process(deduplicatorFor.apply(source, keyed), rowType(table))
                    .uid("ingest-" + source.name() + "-deduplicate")
                    .name("deduplicate " + source.name());
            (source.kind() == SourceKind.CUSTOMER ? customers : interactions).add(unique);
        }
        sink(customers, RapportTables.CUSTOMER_RECORDS);
        sink(interactions, RapportTables.INTERACTIONS);
        sink(rejects, RapportTables.REJECTED);
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
                .uidSuffix(sinkUidPrefix + table.qualifiedName())
                .append()
                .name("write " + table.qualifiedName());
    }

    private static TypeInformation<RowData> rowType(TableDefinition table) {
        return InternalTypeInfo.of(FlinkSchemaUtil.convert(table.schema()));
    }
}
