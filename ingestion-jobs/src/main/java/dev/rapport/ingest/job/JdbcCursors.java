package dev.rapport.ingest.job;

import dev.rapport.ingest.config.JdbcSettings;
import dev.rapport.ingest.config.SourceConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Plans an incremental JDBC run: from the last run's cursor to the table's highest value now. */
public final class JdbcCursors {

    private JdbcCursors() {}

    /**
     * The range of the next run of {@code source} after {@code lastCursor} (null for the first run).
     *
     * @throws IllegalStateException naming the source when the database cannot be read
     */
    public static CursorRange plan(SourceConfig source, String lastCursor) {
        JdbcSettings jdbc = source.jdbc();
        if (jdbc.cursor() == null) {
            return new CursorRange(null, null, null, null);
        }
        try (Connection connection = DriverManager.getConnection(jdbc.url(), jdbc.user(), jdbc.password());
                Statement statement = connection.createStatement()) {
            String type;
            try (ResultSet none =
                    statement.executeQuery("SELECT " + jdbc.cursor() + " FROM " + jdbc.table() + " WHERE 1 = 0")) {
                type = none.getMetaData().getColumnTypeName(1);
            }
            try (ResultSet max = statement.executeQuery("SELECT MAX(" + jdbc.cursor() + ") FROM " + jdbc.table())) {
                max.next();
                return new CursorRange(jdbc.cursor(), type, lastCursor, max.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "source " + source.name() + ": cannot read table " + jdbc.table() + " at " + jdbc.url() + ": "
                            + e.getMessage(),
                    e);
        }
    }
}
