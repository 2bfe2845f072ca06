package dev.rapport.ingest.job;

import dev.rapport.ingest.config.JdbcSettings;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.read.JdbcRowExtractor;
import dev.rapport.ingest.read.RawRecord;
import java.io.Serializable;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.jdbc.core.datastream.source.JdbcSource;
import org.apache.flink.connector.jdbc.split.JdbcGenericParameterValuesProvider;

/**
 * Flink's JDBC source (FLIP-27, bounded) for a {@code format: jdbc} source: one query of the rows in
 * the run's {@link CursorRange}, in cursor order, so a later version of a row wins as in a file.
 */
final class JdbcSources {

    private JdbcSources() {}

    static JdbcSource<RawRecord> of(SourceConfig source, CursorRange range) {
        JdbcSettings jdbc = source.jdbc();
        String sql;
        Serializable[][] parameters;
        if (jdbc.cursor() == null) {
            sql = jdbc.query(false);
            parameters = null;
        } else if (range.isEmpty()) {
            sql = "SELECT * FROM " + jdbc.table() + " WHERE 1 = 0 AND 1 = ?";
            parameters = new Serializable[][] {{1}};
        } else if (range.lower() == null) {
            sql = String.format(java.util.Locale.ROOT, jdbc.query(false), range.cursorType());
            parameters = new Serializable[][] {{range.upper()}};
        } else {
            sql = String.format(java.util.Locale.ROOT, jdbc.query(true), range.cursorType());
            parameters = new Serializable[][] {{range.lower(), range.upper()}};
        }
        var builder = JdbcSource.<RawRecord>builder()
                .setDBUrl(jdbc.url())
                .setSql(sql)
                .setResultExtractor(new JdbcRowExtractor(jdbc.table(), jdbc.key()))
                .setTypeInformation(TypeInformation.of(RawRecord.class));
        builder.setResultSetFetchSize(jdbc.fetchSize());
        if (jdbc.user() != null) {
            builder.setUsername(jdbc.user());
        }
        if (jdbc.password() != null) {
            builder.setPassword(jdbc.password());
        }
        if (parameters != null) {
            builder.setJdbcParameterValuesProvider(new JdbcGenericParameterValuesProvider(parameters));
        }
        return builder.build();
    }
}
