package dev.rapport.sql;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.FlinkSqlCatalog;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.TableResult;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

/** Runs one SQL statement with Flink SQL (batch) against Rapport's catalog. */
public final class SqlRunner {

    private final CatalogConfig catalog;
    private final int parallelism;

    public SqlRunner(CatalogConfig catalog, int parallelism) {
        this.catalog = catalog;
        this.parallelism = parallelism;
    }

    public QueryResult query(String sql) throws Exception {
        Configuration conf = new Configuration();
        conf.set(CoreOptions.DEFAULT_PARALLELISM, parallelism);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "none");
        TableEnvironment tableEnv = TableEnvironment.create(EnvironmentSettings.newInstance()
                .inBatchMode()
                .withConfiguration(conf)
                .build());
        FlinkSqlCatalog.register(tableEnv, catalog);
        TableResult result = tableEnv.executeSql(sql);
        List<String> columns = result.getResolvedSchema().getColumnNames();
        List<List<String>> rows = new ArrayList<>();
        try (CloseableIterator<Row> iterator = result.collect()) {
            while (iterator.hasNext()) {
                Row row = iterator.next();
                List<String> values = new ArrayList<>(row.getArity());
                for (int i = 0; i < row.getArity(); i++) {
                    Object value = row.getField(i);
                    values.add(value == null ? null : render(value));
                }
                rows.add(values);
            }
        }
        return new QueryResult(columns, rows);
    }

    private static String render(Object value) {
        if (value instanceof Object[] array) {
            return java.util.Arrays.toString(array);
        }
        return value.toString();
    }
}
