package dev.rapport.metrics.statement;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.table.TableDefinition;

/**
 * One metric table and the {@code INSERT OVERWRITE} that fills it.
 *
 * @param table the table written
 * @param insert the statement, with the run's range filled in
 * @param rangeColumn the column whose months a run owns ({@code day}, {@code opened_at}...); null for
 *     a table a run replaces whole
 * @param rangeIsDate whether that column is a DATE (else a TIMESTAMP_LTZ)
 */
public record MetricStatement(TableDefinition table, String insert, String rangeColumn, boolean rangeIsDate) {

    public MetricStatement {
        requireNonNull(table, "table is null");
        requireNonNull(insert, "insert is null");
    }
}
