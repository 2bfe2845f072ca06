package dev.rapport.maintain;

import java.time.Instant;
import java.util.List;
import org.apache.iceberg.Table;

/**
 * The data files a failed write left in a table: files under the table's location, written while
 * the run was running, that no snapshot references. A job killed between writing its files and
 * committing them leaves these behind; a rerun writes new ones, so without this they would stay
 * until the next orphan sweep.
 */
public final class FailedRunFiles {

    private FailedRunFiles() {}

    /**
     * Deletes the unreferenced files of {@code table} created between {@code from} and {@code to}
     * (inclusive). Only safe when no other job writes the table in that window; the caller decides.
     *
     * @return the locations deleted
     */
    public static List<String> remove(Table table, Instant from, Instant to) {
        table.refresh();
        List<String> written = OrphanFiles.find(table, from.toEpochMilli(), to.toEpochMilli() + 1).stream()
                .filter(file -> !OrphanFiles.isMetadata(file))
                .toList();
        written.forEach(table.io()::deleteFile);
        return written;
    }
}
