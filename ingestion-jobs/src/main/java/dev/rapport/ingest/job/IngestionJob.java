package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.config.SourceFiles;
import dev.rapport.ingest.config.SourceKind;
import dev.rapport.ingest.read.RawRecord;
import dev.rapport.ingest.read.RawRecordFormat;
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
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalTypeInfo;
import org.apache.flink.util.OutputTag;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.IcebergSink;

/**
 * The batch file ingestion job: per source, read files, map and normalize records, keep one record
 * per natural key, and upsert into {@code staging.customer_records} / {@code staging.interactions};
 * rejected records go to {@code quarantine.rejected}. Bounded: run it in BATCH runtime mode.
 *
 * <p>All sources of a table share one Iceberg sink, so each table gets one commit per run. Rows are
 * upserted on the tables' identifier fields, so a rerun of the same files leaves the same rows.
 */
public final class IngestionJob {

    private final CatalogConfig catalog;
    private final List<SourceConfig> sources;
    private final String runId;

    public IngestionJob(CatalogConfig catalog, List<SourceConfig> sources, String runId) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.sources = List.copyOf(requireNonNull(sources, "sources is null"));
        this.runId = requireNonNull(runId, "runId is null");
        Set<String> names = new HashSet<>();
        for (SourceConfig source : this.sources) {
            if (!names.add(source.name())) {
                throw new IllegalArgumentException("two sources are named '" + source.name() + "'");
            }
        }
    }

    /** Per-source counts of a finished run, from its accumulators. */
    public static IngestionReport report(JobExecutionResult result) {
        return IngestionReport.fromAccumulators(result.getAllAccumulatorResults());
    }

    public void build(StreamExecutionEnvironment env) {
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
                            fileSource(source), WatermarkStrategy.noWatermarks(), "read " + source.name())
                    .uid("ingest-" + source.name() + "-read");
            SingleOutputStreamOperator<Tuple3<String, String, RowData>> mapped = raw.process(
                            new MapRecordFunction(source, runId, startedAt, rejectTag), keyed)
                    .uid("ingest-" + source.name() + "-map")
                    .name("map and normalize " + source.name());
            rejects.add(mapped.getSideOutput(rejectTag));
            DataStream<RowData> unique = mapped.keyBy(record -> record.f0, Types.STRING)
                    .process(new DeduplicateFunction(source.name(), keyed), rowType(table))
                    .uid("ingest-" + source.name() + "-deduplicate")
                    .name("deduplicate " + source.name());
            (source.kind() == SourceKind.CUSTOMER ? customers : interactions).add(unique);
        }
        sink(customers, RapportTables.CUSTOMER_RECORDS);
        sink(interactions, RapportTables.INTERACTIONS);
        sink(rejects, RapportTables.REJECTED);
    }

    private static FileSource<RawRecord> fileSource(SourceConfig source) {
        Path[] files = SourceFiles.resolve(source.path()).stream()
                .map(file -> new Path(file.toUri()))
                .toArray(Path[]::new);
        if (files.length == 0) {
            throw new IllegalStateException("source " + source.name() + ": " + source.path() + " matches no file");
        }
        return FileSource.forBulkFileFormat(
                        new RawRecordFormat(source.format(), source.csvSettings(), source.encoding()), files)
                .build();
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
                .uidSuffix("ingest-" + table.qualifiedName())
                .append()
                .name("write " + table.qualifiedName());
    }

    private static TypeInformation<RowData> rowType(TableDefinition table) {
        return InternalTypeInfo.of(FlinkSchemaUtil.convert(table.schema()));
    }
}
