package dev.rapport.schemas.table;

import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.table.api.TableEnvironment;

/** Registers Rapport's Iceberg catalog in a Flink {@link TableEnvironment}, so SQL can name its tables. */
public final class FlinkSqlCatalog {

    private FlinkSqlCatalog() {}

    /**
     * Registers the catalog as {@value CatalogConfig#CATALOG_NAME} and makes it current: after this,
     * {@code SELECT * FROM staging.customer_records} works.
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
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
