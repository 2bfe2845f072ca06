package dev.rapport.runtime;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.ingest.job.SourceCounts;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportTables;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@code staging.ingestion_runs}: one row per source per run, after the run ends, with the
 * counts of its {@link IngestionReport}. Written by the process that ran the job (not by the job),
 * so a failed run is recorded too.
 */
public final class IngestionRunLog {

    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    private final CatalogConfig catalog;

    public IngestionRunLog(CatalogConfig catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /**
     * Appends the rows of one run in one commit.
     *
     * @param sources every source the run read, also those the report has no counts for
     * @param report the run's counts, or null when the job failed before reporting
     */
    public void record(
            String runId,
            String mode,
            Instant startedAt,
            Instant endedAt,
            List<String> sources,
            IngestionReport report,
            String outcome) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String source : sources) {
            SourceCounts counts = report == null ? new SourceCounts(0, 0, 0, 0) : report.source(source);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run_id", runId);
            row.put("source", source);
            row.put("mode", mode);
            row.put("started_at", startedAt.atOffset(ZoneOffset.UTC));
            row.put("ended_at", endedAt.atOffset(ZoneOffset.UTC));
            row.put("read", counts.read());
            row.put("stored", counts.stored());
            row.put("deduplicated", counts.deduplicated());
            row.put("quarantined", counts.quarantined());
            row.put("suppressed", counts.suppressed());
            row.put("outcome", outcome);
            rows.add(row);
        }
        SmallTableAppend.append(catalog, RapportTables.INGESTION_RUNS, runId, rows);
    }
}
