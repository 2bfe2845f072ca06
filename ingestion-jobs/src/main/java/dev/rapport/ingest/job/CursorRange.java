package dev.rapport.ingest.job;

import java.io.Serializable;

/**
 * What one run of an incremental JDBC source reads: rows whose cursor is above {@code lower} (null:
 * from the start) and at most {@code upper} (the highest value when the run started; null: the table
 * has no row yet). Values are in the database's own text form.
 */
public record CursorRange(String cursorColumn, String cursorType, String lower, String upper) implements Serializable {

    /** True when there is nothing to read. */
    public boolean isEmpty() {
        return upper == null || upper.equals(lower);
    }
}
