package dev.rapport.ingest.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableScan;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.util.ThreadPools;

/** What a staging table already holds, as far as its file metadata tells without reading rows. */
final class TableRows {

    private TableRows() {}

    /**
     * Whether any data file of {@code table} may hold a row of {@code source}. Decided from the
     * partition values and column bounds of the current snapshot, so it can answer yes for a file
     * that holds none (a file of several sources, rows deleted since), never no for one that does.
     */
    static boolean holdsSource(Table table, String source) {
        return !filesOf(table, null, source, ThreadPools.getWorkerPool()).isEmpty();
    }

    /**
     * Whether a data file added to {@code table} after snapshot {@code since} (null: since it was
     * created) may hold a row of {@code source}, by the same metadata as {@link #holdsSource}.
     *
     * @param planners the threads that read the manifests
     */
    static boolean mayHaveStoredSince(Table table, Long since, String source, ExecutorService planners) {
        Set<String> now = filesOf(table, null, source, planners);
        if (since != null) {
            now.removeAll(filesOf(table, since, source, planners));
        }
        return !now.isEmpty();
    }

    private static Set<String> filesOf(Table table, Long snapshotId, String source, ExecutorService planners) {
        Set<String> paths = new HashSet<>();
        if (table.currentSnapshot() == null) {
            return paths;
        }
        TableScan scan =
                table.newScan().filter(Expressions.equal("source", source)).planWith(planners);
        try (CloseableIterable<FileScanTask> files = snapshotId == null
                ? scan.planFiles()
                : scan.useSnapshot(snapshotId).planFiles()) {
            files.forEach(file -> paths.add(file.file().location()));
            return paths;
        } catch (IOException e) {
            throw new UncheckedIOException("could not list the files of " + table.name(), e);
        }
    }
}
