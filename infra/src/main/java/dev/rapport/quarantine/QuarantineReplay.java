package dev.rapport.quarantine;

import static java.util.Objects.requireNonNull;

import dev.rapport.config.RapportConfig;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.maintain.TableEraser;
import dev.rapport.runtime.Console;
import dev.rapport.runtime.ExecutionTarget;
import dev.rapport.runtime.Pipeline;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * {@code rapport quarantine replay}: after the mapping of a source is fixed, its files are
 * ingested again with the config as it is now (ingestion is idempotent: stored records upsert to
 * the same rows), then the source's rejects from earlier runs are removed from {@code
 * quarantine.rejected}. What still fails was rejected again by this run, with the current reason;
 * what now passes is stored and no longer listed.
 *
 * <p>Only batch file sources can be replayed: their records are read again from the files. A
 * Kafka topic is replayed by resetting the source's consumer offsets, and a JDBC source with a
 * cursor would read only the rows changed since its last run.
 */
public final class QuarantineReplay {

    /**
     * What a replay did.
     *
     * @param rejectedBefore the source's rejects before the replay
     * @param stillRejected its rejects now (all from the replay's run)
     * @param ingestion what the replay's ingestion read, stored and rejected
     */
    public record Result(long rejectedBefore, long stillRejected, IngestionReport ingestion) {

        /** Rejects that no longer fail (or whose records are no longer in the files). */
        public long cleared() {
            return Math.max(0, rejectedBefore - stillRejected);
        }
    }

    private QuarantineReplay() {}

    public static Result replay(RapportConfig config, String sourceName, Console console, ExecutionTarget target)
            throws Exception {
        requireNonNull(sourceName, "sourceName is null");
        RapportConfig only = config.withOnlySource(sourceName);
        SourceConfig source = only.sources().get(0);
        if (source.isStream() || source.jdbc() != null) {
            throw new IllegalArgumentException(config.file() + ": sources: '" + sourceName
                    + "' is not read from files ("
                    + (source.isStream() ? "a Kafka topic or a watched folder" : "a JDBC table")
                    + "); only file sources can be replayed: reset a topic's consumer offsets, or rerun a JDBC"
                    + " source without its cursor");
        }
        long before = rejects(config, sourceName);
        IngestionReport ingestion = new Pipeline(only, console, target).ingest();
        String runId = latestRun(config, sourceName);
        try (RapportCatalog tables = new RapportCatalog(config.catalog())) {
            Table rejected = tables.load(RapportTables.REJECTED);
            TableEraser.erase(
                    rejected,
                    row -> sourceName.equals(row.getField("source")) && !runId.equals(row.getField("ingest_run_id")));
        }
        return new Result(before, rejects(config, sourceName), ingestion);
    }

    private static long rejects(RapportConfig config, String source) {
        try (RapportCatalog tables = new RapportCatalog(config.catalog())) {
            if (!tables.exists(RapportTables.REJECTED)) {
                return 0;
            }
            try (CloseableIterable<Record> rows = IcebergGenerics.read(tables.load(RapportTables.REJECTED))
                    .where(Expressions.equal("source", source))
                    .select("reject_id")
                    .build()) {
                long count = 0;
                for (Record ignored : rows) {
                    count++;
                }
                return count;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read quarantine.rejected", e);
        }
    }

    /** The run id of the source's newest ingestion run, from staging.ingestion_runs. */
    private static String latestRun(RapportConfig config, String source) {
        try (RapportCatalog tables = new RapportCatalog(config.catalog());
                CloseableIterable<Record> runs = IcebergGenerics.read(tables.load(RapportTables.INGESTION_RUNS))
                        .where(Expressions.equal("source", source))
                        .build()) {
            String latest = null;
            OffsetDateTime latestStart = null;
            for (Record run : runs) {
                OffsetDateTime started = (OffsetDateTime) run.getField("started_at");
                if (latestStart == null || started.isAfter(latestStart)) {
                    latestStart = started;
                    latest = (String) run.getField("run_id");
                }
            }
            if (latest == null) {
                throw new IllegalStateException("the replay's ingestion run of '" + source + "' is not logged");
            }
            return latest;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read staging.ingestion_runs", e);
        }
    }
}
