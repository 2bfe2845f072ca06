package dev.rapport.maintain;

import java.util.List;
import org.apache.iceberg.Table;
import org.apache.iceberg.expressions.Expressions;

/**
 * Leaves a table with its current snapshot only, and nothing on storage that it does not reference:
 * what must follow a rewrite that removed rows for good (a person who asked to be forgotten), since
 * older snapshots, their manifests and their data files still hold the removed rows.
 */
public final class HistoryPurge {

    /** What a purge removed. */
    public record Purged(int snapshotsExpired, int orphanFilesDeleted) {}

    private HistoryPurge() {}

    /**
     * Rewrites the current manifests (so they list live files only, not the entries of the files the
     * last commit removed, whose column bounds may hold removed values; delete manifests too), expires every other
     * snapshot with the files only they reference, then deletes files written before {@code
     * orphansBeforeMillis} that nothing references.
     */
    public static Purged purge(Table table, long orphansBeforeMillis) {
        table.refresh();
        if (table.currentSnapshot() == null) {
            List<String> orphans = OrphanFiles.find(table, orphansBeforeMillis);
            orphans.forEach(table.io()::deleteFile);
            return new Purged(0, orphans.size());
        }
        // An empty delete drops the manifests that list only removed files (ones a rewrite replaced):
        // every commit but a manifest rewrite leaves out manifests with no live file.
        table.newDelete().deleteFromRowFilter(Expressions.alwaysFalse()).commit();
        table.refresh();
        table.rewriteManifests().rewriteIf(manifest -> true).commit();
        table.refresh();
        int before = count(table);
        table.expireSnapshots()
                .expireOlderThan(table.currentSnapshot().timestampMillis() + 1)
                .retainLast(1)
                .cleanExpiredFiles(true)
                .commit();
        table.refresh();
        int expired = before - count(table);
        List<String> orphans = OrphanFiles.find(table, orphansBeforeMillis);
        orphans.forEach(table.io()::deleteFile);
        return new Purged(expired, orphans.size());
    }

    private static int count(Table table) {
        int snapshots = 0;
        for (org.apache.iceberg.Snapshot ignored : table.snapshots()) {
            snapshots++;
        }
        return snapshots;
    }
}
