package dev.rapport.runtime;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.job.IngestionReport;
import dev.rapport.ingest.job.SourceCounts;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedOutputFile;
import org.apache.iceberg.io.DataWriter;

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
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Table table = tables.ensure(RapportTables.INGESTION_RUNS);
            EncryptedOutputFile file = table.encryption()
                    .encrypt(table.io()
                            .newOutputFile(table.locationProvider()
                                    .newDataLocation(runId + "-" + UUID.randomUUID() + ".parquet")));
            DataWriter<Record> writer = new GenericAppenderFactory(table.schema(), table.spec())
                    .newDataWriter(file, FileFormat.PARQUET, null);
            try (writer) {
                for (String source : sources) {
                    SourceCounts counts = report == null ? new SourceCounts(0, 0, 0, 0) : report.source(source);
                    Record row = GenericRecord.create(table.schema());
                    row.setField("run_id", runId);
                    row.setField("source", source);
                    row.setField("mode", mode);
                    row.setField("started_at", startedAt.atOffset(ZoneOffset.UTC));
                    row.setField("ended_at", endedAt.atOffset(ZoneOffset.UTC));
                    row.setField("read", counts.read());
                    row.setField("stored", counts.stored());
                    row.setField("deduplicated", counts.deduplicated());
                    row.setField("quarantined", counts.quarantined());
                    row.setField("outcome", outcome);
                    writer.write(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + RapportTables.INGESTION_RUNS.qualifiedName(), e);
            }
            table.newAppend().appendFile(writer.toDataFile()).commit();
        }
    }
}
