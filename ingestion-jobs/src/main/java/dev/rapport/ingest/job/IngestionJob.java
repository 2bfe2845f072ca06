package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.suppress.Suppressions;
import dev.rapport.schemas.table.CatalogConfig;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.JobExecutionResult;
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
    private final Map<String, CursorRange> cursorRanges;
    private final Suppressions suppressions;

    public IngestionJob(CatalogConfig catalog, List<SourceConfig> sources, String runId) {
        this(catalog, sources, runId, Map.of());
    }

    /**
     * @param cursorRanges per JDBC source with a cursor, the range this run reads (see {@link
     *     JdbcCursors#plan}); a JDBC source without one reads up to the table's current highest cursor
     */
    public IngestionJob(
            CatalogConfig catalog, List<SourceConfig> sources, String runId, Map<String, CursorRange> cursorRanges) {
        this(catalog, sources, runId, cursorRanges, Suppressions.none());
    }

    /** @param suppressions people who asked to be forgotten: their records are counted and skipped */
    public IngestionJob(
            CatalogConfig catalog,
            List<SourceConfig> sources,
            String runId,
            Map<String, CursorRange> cursorRanges,
            Suppressions suppressions) {
        this.suppressions = requireNonNull(suppressions, "suppressions is null");
        this.cursorRanges = Map.copyOf(requireNonNull(cursorRanges, "cursorRanges is null"));
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.sources = List.copyOf(requireNonNull(sources, "sources is null"));
        this.runId = requireNonNull(runId, "runId is null");
        for (SourceConfig source : this.sources) {
            if (source.isStream()) {
                throw new IllegalArgumentException(
                        "source " + source.name() + " is a stream (Kafka or mode: watch); the streaming job reads it");
            }
        }
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
        // No operator of a bounded run keeps an input object past its call (the deduplication
        // copies what it keeps), so records pass between chained operators uncopied: copying cost
        // a tenth of the mapping tasks' CPU time (BENCHMARKS.md, ingestion).
        env.getConfig().enableObjectReuse();
        new StagingPipeline(catalog, runId, "ingest-", suppressions, true)
                .build(
                        env,
                        sources,
                        source -> source.jdbc() != null
                                ? JdbcSources.of(
                                        source,
                                        cursorRanges.getOrDefault(source.name(), JdbcCursors.plan(source, null)))
                                : FileSources.of(source),
                        (source, keyed) -> new DeduplicateFunction(source.name(), keyed));
    }
}
