package dev.rapport.schemas.table;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.flink.CatalogLoader;

/**
 * Where Rapport's Iceberg tables live: the catalog and the warehouse.
 *
 * <p>{@code jdbc} (the embedded default is JDBC on SQLite in a local folder), {@code hadoop} (a
 * warehouse folder with no catalog database), {@code rest} (any Iceberg REST catalog) and {@code
 * glue} (AWS Glue Data Catalog; region and credentials from the AWS SDK's default chain, the
 * warehouse an {@code s3://} location). Extra Iceberg catalog properties
 * pass through unchanged; secrets belong in the environment, never in this object.
 */
public record CatalogConfig(String type, String uri, String warehouse, Map<String, String> properties)
        implements Serializable {

    public static final String CATALOG_NAME = "rapport";
    public static final String S3_FILE_IO = "org.apache.iceberg.aws.s3.S3FileIO";
    private static final java.util.List<String> TYPES = java.util.List.of("jdbc", "hadoop", "rest", "glue");

    public CatalogConfig {
        requireNonNull(type, "catalog type is null");
        type = type.toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException(
                    "catalog type must be one of jdbc, hadoop, rest, glue; got '" + type + "'");
        }
        if ((type.equals("jdbc") || type.equals("rest")) && (uri == null || uri.isBlank())) {
            throw new IllegalArgumentException("a " + type + " catalog needs a uri");
        }
        if (!type.equals("rest") && (warehouse == null || warehouse.isBlank())) {
            throw new IllegalArgumentException("a " + type + " catalog needs a warehouse");
        }
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** The embedded default: JDBC catalog on SQLite and a warehouse folder, both under {@code dataDir}. */
    public static CatalogConfig embedded(java.nio.file.Path dataDir) {
        java.nio.file.Path absolute = dataDir.toAbsolutePath().normalize();
        return new CatalogConfig(
                "jdbc",
                "jdbc:sqlite:" + absolute.resolve("catalog.db"),
                absolute.resolve("warehouse").toString(),
                Map.of());
    }

    /** The properties handed to Iceberg's catalog. */
    public Map<String, String> icebergProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        if (uri != null) {
            props.put(CatalogProperties.URI, uri);
        }
        if (warehouse != null) {
            props.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse);
        }
        if (type.equals("jdbc")) {
            props.put("jdbc.schema-version", "V1");
        }
        if (warehouse != null && (warehouse.startsWith("s3://") || warehouse.startsWith("s3a://"))) {
            props.put(CatalogProperties.FILE_IO_IMPL, S3_FILE_IO);
        }
        props.putAll(properties);
        return props;
    }

    /** Whether a property holds a secret: its value is never printed. */
    public static boolean isSecret(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        return lower.contains("password")
                || lower.contains("secret")
                || lower.contains("token")
                || lower.contains("credential")
                || lower.contains("session-key")
                || lower.contains("access-key");
    }

    /** Secrets are shown as {@code ****}, so the config can be logged and printed. */
    @Override
    public String toString() {
        Map<String, String> shown = new java.util.TreeMap<>();
        properties.forEach((key, value) -> shown.put(key, isSecret(key) ? "****" : value));
        return "CatalogConfig[type=" + type + ", uri=" + uri + ", warehouse=" + warehouse + ", properties=" + shown
                + "]";
    }

    public String catalogImpl() {
        return switch (type) {
            case "jdbc" -> "org.apache.iceberg.jdbc.JdbcCatalog";
            case "hadoop" -> "org.apache.iceberg.hadoop.HadoopCatalog";
            case "rest" -> "org.apache.iceberg.rest.RESTCatalog";
            case "glue" -> "org.apache.iceberg.aws.glue.GlueCatalog";
            default -> throw new IllegalStateException("unknown catalog type " + type);
        };
    }

    /** A serializable loader that Flink operators use to open the catalog on task managers. */
    public CatalogLoader catalogLoader() {
        return CatalogLoader.custom(CATALOG_NAME, icebergProperties(), new Configuration(), catalogImpl());
    }
}
