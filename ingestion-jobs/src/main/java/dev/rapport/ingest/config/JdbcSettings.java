package dev.rapport.ingest.config;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.config.InvalidConfigException;
import java.io.Serializable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a {@code format: jdbc} source reads: a table of a database, incrementally on a cursor column
 * ({@code updated_at} or an increasing key). The password comes from the environment through a
 * {@code ${env:NAME}} reference and is never printed.
 *
 * @param url the JDBC URL, e.g. {@code jdbc:postgresql://erp-db:5432/erp}
 * @param user database user, or null
 * @param password database password, or null
 * @param table the table or view, optionally schema-qualified
 * @param cursor the column that grows with every change; rows above the last run's highest value are
 *     read; null to read the whole table each run
 * @param key the column that identifies a row, used in its location (and so in quarantine); null for
 *     the row number
 * @param fetchSize rows fetched per round trip
 */
public record JdbcSettings(
        String url, String user, String password, String table, String cursor, String key, int fetchSize)
        implements Serializable {

    public static final String KEY = "jdbc";
    static final List<String> KEYS = List.of("url", "user", "password", "table", "cursor", "key", "fetch_size");
    public static final int FETCH_SIZE_DEFAULT = 1000;

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    public JdbcSettings {
        requireNonNull(url, "url is null");
        requireNonNull(table, "table is null");
    }

    /** The query of one run: rows above {@code lower} (none: all) up to {@code upper}, in cursor order. */
    public String query(boolean hasLower) {
        if (cursor == null) {
            return "SELECT * FROM " + table;
        }
        return "SELECT * FROM " + table + " WHERE " + (hasLower ? cursor + " > CAST(? AS %1$s) AND " : "") + cursor
                + " <= CAST(? AS %1$s) ORDER BY " + cursor;
    }

    static JdbcSettings fromMap(Object yaml, String sourceName, String key) {
        if (!(yaml instanceof Map<?, ?> map)) {
            throw new InvalidConfigException(
                    key, "a jdbc source needs jdbc: {url: ..., table: ..., cursor: updated_at}");
        }
        for (Object name : map.keySet()) {
            if (!KEYS.contains(String.valueOf(name))) {
                throw new InvalidConfigException(
                        key + "." + name, "unknown key; use one of " + String.join(", ", KEYS));
            }
        }
        String url = text(map, "url", key);
        if (url == null || !url.startsWith("jdbc:")) {
            throw new InvalidConfigException(
                    key + ".url", "expected a JDBC URL such as jdbc:postgresql://host:5432/db");
        }
        String table = identifier(map, "table", key);
        if (table == null) {
            throw new InvalidConfigException(key + ".table", "missing; name the table or view to read");
        }
        int fetchSize = FETCH_SIZE_DEFAULT;
        if (map.get("fetch_size") != null) {
            try {
                fetchSize = Integer.parseInt(map.get("fetch_size").toString().strip());
            } catch (NumberFormatException e) {
                fetchSize = -1;
            }
            if (fetchSize < 1) {
                throw new InvalidConfigException(key + ".fetch_size", "expected a whole number >= 1");
            }
        }
        return new JdbcSettings(
                url,
                text(map, "user", key),
                text(map, "password", key),
                table,
                identifier(map, "cursor", key),
                identifier(map, "key", key),
                fetchSize);
    }

    /**
     * Connects and checks that the table and its cursor and key columns exist, so an unreachable
     * database or a wrong name fails before any job starts.
     *
     * @return the table's column names
     */
    List<String> probe(String sourceName, String key) {
        List<String> columns = new java.util.ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT * FROM " + table + " WHERE 1 = 0")) {
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                columns.add(rows.getMetaData().getColumnLabel(i));
            }
        } catch (SQLException e) {
            throw new InvalidConfigException(
                    key + "." + KEY,
                    "source '" + sourceName + "': cannot read table " + table + " at " + url + ": " + e.getMessage());
        }
        for (String[] column : new String[][] {{"cursor", cursor}, {"key", this.key}}) {
            if (column[1] != null && !columns.contains(column[1])) {
                throw new InvalidConfigException(
                        key + "." + KEY + "." + column[0],
                        "source '" + sourceName + "': table " + table + " has no column '" + column[1]
                                + "'; its columns are " + String.join(", ", columns));
            }
        }
        return columns;
    }

    @Override
    public String toString() {
        return "JdbcSettings[url=" + url + ", user=" + user + ", password=" + (password == null ? null : "****")
                + ", table=" + table + ", cursor=" + cursor + ", key=" + key + ", fetchSize=" + fetchSize + "]";
    }

    private static String identifier(Map<?, ?> map, String name, String key) {
        String value = text(map, name, key);
        if (value != null && !IDENTIFIER.matcher(value).matches()) {
            throw new InvalidConfigException(
                    key + "." + name, "'" + value + "' is not a plain identifier (letters, digits, _; schema.table)");
        }
        return value;
    }

    private static String text(Map<?, ?> map, String name, String key) {
        Object value = map.get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw new InvalidConfigException(key + "." + name, "expected a single value");
        }
        String text = value.toString().strip();
        return text.isEmpty() ? null : text;
    }
}
