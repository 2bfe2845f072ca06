package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.util.InstantiationUtil;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Table;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.io.WriteResult;
import org.apache.iceberg.util.ThreadPools;

/**
 * Gathers the files of every writer and, when all have finished, appends them to the table in one
 * commit. Before committing it checks that no other run has meanwhile added a file that may hold
 * rows of these sources (appending then could leave a key twice) and fails the run if one has: the
 * next run sees those rows and upserts.
 */
final class AppendCommitOperator extends AbstractStreamOperator<Void>
        implements OneInputStreamOperator<byte[], Void>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private final TableLoader tableLoader;
    private final String tableName;
    private final Long startSnapshotId;
    private final Set<String> sources;

    private transient List<DataFile> files;

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
        IcebergStatics.initialize();
    }

    @Override
    public void processElement(StreamRecord<byte[]> element) throws Exception {
        WriteResult written = InstantiationUtil.deserializeObject(element.getValue(), getUserCodeClassloader());
        files.addAll(List.of(written.dataFiles()));
    }

    @Override
    public void endInput() throws IOException {
        if (files.isEmpty()) {
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
            AppendFiles append = table.newAppend().scanManifestsWith(workers);
            files.forEach(append::appendFile);
            append.commit();
        } finally {
            workers.shutdownNow();
        }
    }
}
