package dev.rapport.maintain;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.ManifestFile;
import org.apache.iceberg.ManifestFiles;
import org.apache.iceberg.ManifestReader;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.RewriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericFileWriterFactory;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FanoutDataWriter;
import org.apache.iceberg.io.OutputFileFactory;

/**
 * Removes the rows a predicate picks from one table for good: the table's live rows (delete files
 * applied) are read, the picked ones dropped, the rest written to new data files, and one {@code
 * RewriteFiles} commit swaps every current data and delete file for them. Rewriting the whole
 * table rather than adding a delete also drops the older versions of the rows that an upsert's
 * delete file only hides. Until the snapshots before this commit expire, their files still hold
 * the removed rows ({@code rapport forget} expires them; {@code rapport quarantine replay} does not
 * need to).
 */
public final class TableEraser {

    private static final long TARGET_FILE_SIZE = 128L * 1024 * 1024;

    /** What the erase did: the rows removed and the rows kept. */
    public record Erased(long removed, long kept, boolean rewritten) {}

    private TableEraser() {}

    public static Erased erase(Table table, Predicate<Record> remove) {
        requireNonNull(remove, "remove is null");
        table.refresh();
        Snapshot current = table.currentSnapshot();
        if (current == null) {
            return new Erased(0, 0, false);
        }
        long removed = 0;
        long kept = 0;
        try (CloseableIterable<Record> rows = read(table, current)) {
            for (Record row : rows) {
                if (remove.test(row)) {
                    removed++;
                } else {
                    kept++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + table.name(), e);
        }
        List<DataFile> dataFiles = new ArrayList<>();
        List<DeleteFile> deleteFiles = new ArrayList<>();
        liveFiles(table, current, dataFiles, deleteFiles);
        if (removed == 0 && deleteFiles.isEmpty()) {
            // Nothing to remove is live, and no delete file hides an older version of a row.
            return new Erased(0, kept, false);
        }
        // A second pass streams the kept rows into the new files, so memory does not grow with the table.
        List<DataFile> written = write(table, current, remove);
        RewriteFiles rewrite = table.newRewrite().validateFromSnapshot(current.snapshotId());
        dataFiles.forEach(rewrite::deleteFile);
        deleteFiles.forEach(rewrite::deleteFile);
        written.forEach(rewrite::addFile);
        rewrite.commit();
        return new Erased(removed, kept, true);
    }

    private static CloseableIterable<Record> read(Table table, Snapshot snapshot) {
        return IcebergGenerics.read(table).useSnapshot(snapshot.snapshotId()).build();
    }

    private static void liveFiles(Table table, Snapshot snapshot, List<DataFile> data, List<DeleteFile> deletes) {
        try {
            for (ManifestFile manifest : snapshot.dataManifests(table.io())) {
                try (ManifestReader<DataFile> reader = ManifestFiles.read(manifest, table.io(), table.specs())) {
                    reader.forEach(file -> data.add(file.copy()));
                }
            }
            for (ManifestFile manifest : snapshot.deleteManifests(table.io())) {
                try (ManifestReader<DeleteFile> reader =
                        ManifestFiles.readDeleteManifest(manifest, table.io(), table.specs())) {
                    reader.forEach(file -> deletes.add(file.copy()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the manifests of " + table.name(), e);
        }
    }

    private static List<DataFile> write(Table table, Snapshot snapshot, Predicate<Record> remove) {
        GenericFileWriterFactory writers = new GenericFileWriterFactory.Builder(table)
                .dataFileFormat(FileFormat.PARQUET)
                .dataSchema(table.schema())
                .build();
        OutputFileFactory files = OutputFileFactory.builderFor(table, 1, 1)
                .format(FileFormat.PARQUET)
                .operationId("erase-" + UUID.randomUUID())
                .build();
        PartitionKey partition = new PartitionKey(table.spec(), table.schema());
        InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
        FanoutDataWriter<Record> writer = new FanoutDataWriter<>(writers, files, table.io(), TARGET_FILE_SIZE);
        try (CloseableIterable<Record> rows = read(table, snapshot)) {
            try (writer) {
                for (Record row : rows) {
                    if (!remove.test(row)) {
                        partition.partition(wrapper.wrap(row));
                        writer.write(row, table.spec(), partition.copy());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the new files of " + table.name(), e);
        }
        return writer.result().dataFiles();
    }
}
