package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.types.Either;
import org.apache.flink.util.InstantiationUtil;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Table;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.util.ThreadPools;

/**
 * Gathers the files of every writer, and the locations of rows that a later row of their key
 * replaced, and when all inputs have finished commits them to the table at once: an append, or, if
 * rows were replaced, the files with position deletes of those rows. Before committing it checks
 * that no other run has meanwhile added a file that may hold rows of these sources (appending then
 * could leave a key twice) and fails the run if one has: the next run sees those rows and upserts.
 */
final class AppendCommitOperator extends AbstractStreamOperator<Void>
        implements OneInputStreamOperator<Either<byte[], Tuple2<Long, Long>>, Void>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private final TableLoader tableLoader;
    private final String tableName;
    private final Long startSnapshotId;
    private final Set<String> sources;

    private transient List<DataFile> files;
    private transient Map<Long, String> paths;
    private transient Map<Long, List<Long>> replaced;

    AppendCommitOperator(CatalogConfig catalog, TableDefinition definition, Long startSnapshotId, Set<String> sources) {
        this.startSnapshotId = startSnapshotId;
        this.tableLoader = TableLoader.fromCatalog(catalog.catalogLoader(), definition.identifier());
        this.tableName = definition.qualifiedName();
        this.sources = Set.copyOf(requireNonNull(sources, "sources is null"));
    }

    @Override
    public void open() throws Exception {
        super.open();
        files = new ArrayList<>();
        paths = new HashMap<>();
        replaced = new HashMap<>();
        IcebergStatics.initialize();
    }

    @Override
    public void processElement(StreamRecord<Either<byte[], Tuple2<Long, Long>>> element) throws Exception {
        Either<byte[], Tuple2<Long, Long>> message = element.getValue();
        if (message.isLeft()) {
            WrittenFiles written = InstantiationUtil.deserializeObject(message.left(), getUserCodeClassloader());
            files.addAll(written.files());
            paths.putAll(written.paths());
        } else {
            Tuple2<Long, Long> location = message.right();
            replaced.computeIfAbsent(location.f0, id -> new ArrayList<>()).add(location.f1);
        }
    }

    @Override
    public void endInput() throws IOException {
        if (files.isEmpty() && replaced.isEmpty()) {
            return;
        }
        // Iceberg's shared worker threads may have been started by an earlier job on this
        // TaskManager, with that job's class loader, closed since: plan and commit on threads of
        // this job.
        ExecutorService workers = ThreadPools.newFixedThreadPool("rapport-append-" + tableName, 2);
        try (TableLoader loader = tableLoader.clone()) {
            loader.open();
            Table table = loader.loadTable();
            for (String source : sources) {
                if (TableRows.mayHaveStoredSince(table, startSnapshotId, source, workers)) {
                    throw new IllegalStateException("another run stored rows of source " + source + " in " + tableName
                            + " while this one ran; run the ingestion again");
                }
            }
            if (replaced.isEmpty()) {
                AppendFiles append = table.newAppend().scanManifestsWith(workers);
                files.forEach(append::appendFile);
                append.commit();
                return;
            }
            RowDelta delta = table.newRowDelta().scanManifestsWith(workers);
            files.forEach(delta::addRows);
            PositionDeletes.write(table, replacedByPath(), files).forEach(delta::addDeletes);
            delta.commit();
        } finally {
            workers.shutdownNow();
        }
    }

    private Map<String, long[]> replacedByPath() {
        Map<String, long[]> byPath = new HashMap<>();
        replaced.forEach((fileId, positions) -> {
            String path = paths.get(fileId);
            if (path == null) {
                throw new IllegalStateException("no writer reported file " + fileId + " of " + tableName);
            }
            byPath.put(path, positions.stream().mapToLong(Long::longValue).toArray());
        });
        return byPath;
    }
}
