package dev.rapport.maintain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.RewriteDataFilesActionResult;
import org.apache.iceberg.flink.actions.Actions;

/**
 * Keeps one Iceberg table healthy with Iceberg's own actions: compacts small data files (a Flink
 * batch action), expires old snapshots and the files only they reference, removes orphan files.
 */
public final class TableMaintainer {

    private final MaintenanceOptions options;

    public TableMaintainer(MaintenanceOptions options) {
        this.options = requireNonNull(options, "options is null");
    }

    public MaintenanceResult maintain(Table table, StreamExecutionEnvironment env, Instant now) {
        int rewritten = 0;
        int added = 0;
        if (table.currentSnapshot() != null) {
            RewriteDataFilesActionResult result = Actions.forTable(env, table)
                    .rewriteDataFiles()
                    .targetSizeInBytes(options.targetFileSizeBytes())
                    .execute();
            rewritten = result.deletedDataFiles().size();
            added = result.addedDataFiles().size();
            table.refresh();
        }

        int before = count(table);
        if (before > 0) {
            table.expireSnapshots()
                    .expireOlderThan(now.minus(options.expireOlderThan()).toEpochMilli())
                    .retainLast(options.retainLast())
                    .cleanExpiredFiles(true)
                    .commit();
            table.refresh();
        }
        int after = count(table);

        List<String> orphans =
                OrphanFiles.find(table, now.minus(options.orphansOlderThan()).toEpochMilli());
        orphans.forEach(table.io()::deleteFile);

        return new MaintenanceResult(table.name(), rewritten, added, before, after, orphans.size());
    }

    private static int count(Table table) {
        int snapshots = 0;
        for (org.apache.iceberg.Snapshot ignored : table.snapshots()) {
            snapshots++;
        }
        return snapshots;
    }
}
