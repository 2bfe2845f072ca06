package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.config.SourceFiles;
import dev.rapport.ingest.read.RawRecord;
import dev.rapport.ingest.read.RawRecordFormat;
import dev.rapport.schemas.table.CatalogConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

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
        new StagingPipeline(catalog, runId, "ingest-")
                .build(
                        env,
                        sources,
                        IngestionJob::fileSource,
                        (source, keyed) -> new DeduplicateFunction(source.name(), keyed));
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
}
