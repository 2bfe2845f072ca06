package dev.rapport.ingest.read;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Locale;
import org.apache.flink.connector.jdbc.core.datastream.source.reader.extractor.ResultExtractor;

/**
 * One database row as a {@link RawRecord}: a JSON object of its columns (so a JDBC source maps like
 * JSON lines), located at {@code table:key=value} or {@code table:row N}. Dates and timestamps are
 * written in ISO-8601, which the mapping reads without a format.
 */
public final class JdbcRowExtractor implements ResultExtractor<RawRecord> {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String table;
    private final String key;

    public JdbcRowExtractor(String table, String key) {
        this.table = java.util.Objects.requireNonNull(table, "table is null");
        this.key = key;
    }

    @Override
    public RawRecord extract(ResultSet rows) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        ObjectNode row = JSON.createObjectNode();
        String keyValue = null;
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i);
            String value = text(rows, meta, i);
            if (value == null) {
                row.putNull(column);
            } else {
                row.put(column, value);
            }
            if (column.equals(key)) {
                keyValue = value;
            }
        }
        long position = rows.getRow();
        String location = table + ":" + (key != null ? key + "=" + keyValue : "row " + position);
        return RawRecord.of(table, position, location, row.toString());
    }

    private static String text(ResultSet rows, ResultSetMetaData meta, int i) throws SQLException {
        String typeName = meta.getColumnTypeName(i).toLowerCase(Locale.ROOT);
        switch (meta.getColumnType(i)) {
            case Types.DATE:
                LocalDate date = rows.getObject(i, LocalDate.class);
                return date == null ? null : date.toString();
            case Types.TIMESTAMP_WITH_TIMEZONE:
                OffsetDateTime offset = rows.getObject(i, OffsetDateTime.class);
                return offset == null ? null : offset.toString();
            case Types.TIMESTAMP:
                if (typeName.contains("tz")) {
                    OffsetDateTime withZone = rows.getObject(i, OffsetDateTime.class);
                    return withZone == null ? null : withZone.toString();
                }
                LocalDateTime local = rows.getObject(i, LocalDateTime.class);
                return local == null ? null : local.toString();
            default:
                return rows.getString(i);
        }
    }
}
