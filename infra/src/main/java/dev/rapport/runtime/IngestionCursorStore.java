package dev.rapport.runtime;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.job.CursorRange;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;

/**
 * {@code staging.ingestion_cursors}: where each incremental JDBC source got to. Read before a run (the
 * newest row of the source is where it starts) and appended after a successful run only, so a failed
 * run is read again in full next time.
 */
public final class IngestionCursorStore {

    private final CatalogConfig catalog;

    public IngestionCursorStore(CatalogConfig catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** The highest cursor value a successful run of the source read, on that cursor column. */
    public Optional<String> last(String source, String cursorColumn) {
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Table table = tables.ensure(RapportTables.INGESTION_CURSORS);
            OffsetDateTime newest = null;
            String value = null;
            try (CloseableIterable<Record> rows = IcebergGenerics.read(table)
                    .where(Expressions.and(
                            Expressions.equal("source", source), Expressions.equal("cursor_column", cursorColumn)))
                    .build()) {
                for (Record row : rows) {
                    OffsetDateTime readAt = (OffsetDateTime) row.getField("read_at");
                    if (newest == null || readAt.isAfter(newest)) {
                        newest = readAt;
                        value = (String) row.getField("cursor_value");
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Optional.ofNullable(value);
        }
    }

    /** Appends the upper bound of each range that read something, in one commit. */
    public void record(String runId, Instant startedAt, Map<String, CursorRange> ranges) {
        if (ranges.values().stream().allMatch(CursorRange::isEmpty)) {
            return;
        }
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Table table = tables.ensure(RapportTables.INGESTION_CURSORS);
            DataWriter<Record> writer = new GenericAppenderFactory(table.schema(), table.spec())
                    .newDataWriter(
                            table.encryption()
                                    .encrypt(table.io()
                                            .newOutputFile(table.locationProvider()
                                                    .newDataLocation(runId + "-" + UUID.randomUUID() + ".parquet"))),
                            FileFormat.PARQUET,
                            null);
            try (writer) {
                for (Map.Entry<String, CursorRange> entry : ranges.entrySet()) {
                    if (entry.getValue().isEmpty()) {
                        continue;
                    }
                    Record row = GenericRecord.create(table.schema());
                    row.setField("source", entry.getKey());
                    row.setField("run_id", runId);
                    row.setField("cursor_column", entry.getValue().cursorColumn());
                    row.setField("cursor_value", entry.getValue().upper());
                    row.setField("read_at", startedAt.atOffset(ZoneOffset.UTC));
                    writer.write(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + RapportTables.INGESTION_CURSORS.qualifiedName(), e);
            }
            table.newAppend().appendFile(writer.toDataFile()).commit();
        }
    }
}
