package dev.rapport.schemas.table;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.iceberg.flink.FlinkConfigOptions;

/** Registers Rapport's Iceberg catalog in a Flink {@link TableEnvironment}, so SQL can name its tables. */
public final class FlinkSqlCatalog {

    private FlinkSqlCatalog() {}

    /**
     * Registers the catalog as {@value CatalogConfig#CATALOG_NAME} and makes it current: after this,
     * {@code SELECT * FROM staging.customer_records} works.
     *
     * <p>Its tables are then read at the job's parallelism. Iceberg would otherwise run one source
     * task per split of a table (up to 100): a table of many small files then gets dozens of tasks,
     * and as a local run gives every task slot an equal share of the managed memory, the hash
     * aggregations and joins of the same job are left too little of it and fail.
     */
    public static void register(TableEnvironment tableEnv, CatalogConfig config) {
        Map<String, String> options = new java.util.LinkedHashMap<>(config.icebergProperties());
        options.put("type", "iceberg");
        options.put("catalog-impl", config.catalogImpl());
        String with = options.entrySet().stream()
                .map(e -> quote(e.getKey()) + " = " + quote(e.getValue()))
                .collect(Collectors.joining(", "));
        tableEnv.executeSql("CREATE CATALOG IF NOT EXISTS " + CatalogConfig.CATALOG_NAME + " WITH (" + with + ")");
        tableEnv.useCatalog(CatalogConfig.CATALOG_NAME);
        tableEnv.getConfig().set(FlinkConfigOptions.TABLE_EXEC_ICEBERG_INFER_SOURCE_PARALLELISM, false);
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
