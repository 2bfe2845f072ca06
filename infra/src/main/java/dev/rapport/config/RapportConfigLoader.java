package dev.rapport.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rapport.identity.config.IdentityConfig;
import dev.rapport.ingest.config.SourceConfig;
import dev.rapport.ingest.config.StreamingConfig;
import dev.rapport.metrics.config.MetricsConfig;
import dev.rapport.metrics.feed.FeedConfig;
import dev.rapport.schemas.config.InvalidConfigException;
import dev.rapport.schemas.table.CatalogConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and validates {@code rapport.yaml} before any job starts. Every error names the file, the
 * key and what is wrong; relative paths resolve against the file's folder.
 */
public final class RapportConfigLoader {

    private static final Set<String> TOP_LEVEL_KEYS =
            Set.of("catalog", "parallelism", "sources", "identity", "metrics", "streaming", "feed");
    private static final Set<String> CATALOG_KEYS = Set.of("type", "uri", "warehouse", "properties");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RapportConfigLoader() {}

    public static RapportConfig load(Path file) {
        return load(file, System.getenv());
    }

    /** Loads with {@code ${env:NAME}} references resolved from {@code environment}. */
    public static RapportConfig load(Path file, Map<String, String> environment) {
        Path absolute = file.toAbsolutePath().normalize();
        String text;
        try {
            text = Files.readString(absolute);
        } catch (NoSuchFileException e) {
            throw new ConfigFileException(
                    absolute, "file not found (write one, or run 'rapport demo' for an example)", e);
        } catch (IOException e) {
            throw new ConfigFileException(absolute, "cannot read: " + e.getMessage(), e);
        }
        return parse(absolute, text, environment);
    }

    static RapportConfig parse(Path file, String text, Map<String, String> environment) {
        Map<String, Object> root;
        try {
            Object parsed = YAML.readValue(text, Object.class);
            if (!(parsed instanceof Map<?, ?>)) {
                throw new ConfigFileException(
                        file, "(top level)", "expected a YAML mapping with catalog, parallelism, sources...");
            }
            root = asMap(parsed, "(top level)");
        } catch (JsonProcessingException e) {
            String where =
                    e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new ConfigFileException(file, "(syntax)", "not valid YAML" + where + ": " + e.getOriginalMessage());
        }
        Path baseDir = file.getParent();
        try {
            for (String key : root.keySet()) {
                if (!TOP_LEVEL_KEYS.contains(key)) {
                    throw new InvalidConfigException(
                            key, "unknown key; expected one of " + new java.util.TreeSet<>(TOP_LEVEL_KEYS));
                }
            }
            CatalogConfig catalog = catalog(root.get("catalog"), baseDir, environment);
            int parallelism = parallelism(root.get("parallelism"));
            List<SourceConfig> sources = sources(root.get("sources"), baseDir, environment);
            IdentityConfig identity = IdentityConfig.fromMap(asMapOrNull(root.get("identity"), "identity"), "identity");
            if (!sources.isEmpty()) {
                // without sources (a config for resolving or metrics only) the record sources are not known here
                identity.survivorship()
                        .requireKnownSources(
                                sources.stream().map(SourceConfig::name).toList(),
                                "identity." + IdentityConfig.SURVIVORSHIP);
            }
            MetricsConfig metrics = MetricsConfig.fromMap(asMapOrNull(root.get("metrics"), "metrics"), "metrics");
            StreamingConfig streaming =
                    StreamingConfig.fromMap(asMapOrNull(root.get("streaming"), "streaming"), "streaming", baseDir);
            FeedConfig feed =
                    FeedConfig.fromMap(asMapOrNull(root.get("feed"), "feed"), "feed", environment::get, baseDir);
            return new RapportConfig(file, catalog, parallelism, sources, identity, metrics, streaming, feed);
        } catch (InvalidConfigException e) {
            throw new ConfigFileException(file, e.key(), e.problem());
        }
    }

    private static CatalogConfig catalog(Object value, Path baseDir, Map<String, String> environment) {
        if (value == null) {
            Path dataDir = baseDir.resolve("rapport-data");
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new InvalidConfigException(
                        "catalog",
                        "no catalog is set and the embedded one cannot be created in " + dataDir + ": "
                                + e.getMessage());
            }
            return CatalogConfig.embedded(dataDir);
        }
        Map<String, Object> map = asMap(value, "catalog");
        for (String key : map.keySet()) {
            if (!CATALOG_KEYS.contains(key)) {
                throw new InvalidConfigException(
                        "catalog." + key, "unknown key; expected one of " + new java.util.TreeSet<>(CATALOG_KEYS));
            }
        }
        String type = string(map, "type", "catalog");
        if (type == null) {
            throw new InvalidConfigException(
                    "catalog.type", "missing; use jdbc (the embedded default), hadoop or rest");
        }
        String uri = EnvironmentReferences.resolve(string(map, "uri", "catalog"), "catalog.uri", environment);
        if (uri != null && uri.startsWith("jdbc:sqlite:")) {
            String dbPath = uri.substring("jdbc:sqlite:".length());
            Path db = baseDir.resolve(dbPath).normalize();
            try {
                Files.createDirectories(db.getParent());
            } catch (IOException e) {
                throw new InvalidConfigException(
                        "catalog.uri", "cannot create the folder of " + db + ": " + e.getMessage());
            }
            uri = "jdbc:sqlite:" + db;
        }
        String warehouse = string(map, "warehouse", "catalog");
        if (warehouse != null && !warehouse.contains("://")) {
            warehouse = baseDir.resolve(warehouse).normalize().toString();
        }
        Map<String, String> properties = new LinkedHashMap<>();
        Map<String, Object> extra = asMapOrNull(map.get("properties"), "catalog.properties");
        if (extra != null) {
            extra.forEach((k, v) -> properties.put(
                    k, EnvironmentReferences.resolve(String.valueOf(v), "catalog.properties." + k, environment)));
        }
        try {
            return new CatalogConfig(type, uri, warehouse, properties);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException("catalog", e.getMessage());
        }
    }

    private static int parallelism(Object value) {
        if (value == null) {
            return 2;
        }
        if (!(value instanceof Integer number) || number < 1 || number > 1024) {
            throw new InvalidConfigException(
                    "parallelism", "must be a whole number from 1 to 1024, got '" + value + "'");
        }
        return number;
    }

    private static List<SourceConfig> sources(Object value, Path baseDir, Map<String, String> environment) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidConfigException("sources", "must be a list of sources (each starting with '- name: ...')");
        }
        List<SourceConfig> sources = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "sources[" + i + "]";
            SourceConfig source =
                    SourceConfig.fromMap(withJdbcSecrets(asMap(list.get(i), key), key, environment), key, baseDir);
            if (!names.add(source.name())) {
                throw new InvalidConfigException(key + ".name", "duplicate source name '" + source.name() + "'");
            }
            sources.add(source);
        }
        return sources;
    }

    /**
     * A JDBC source's connection values with {@code ${env:NAME}} resolved; its password must be such a
     * reference, never written into the file.
     */
    private static Map<String, Object> withJdbcSecrets(
            Map<String, Object> source, String key, Map<String, String> environment) {
        if (!(source.get("jdbc") instanceof Map<?, ?> jdbc)) {
            return source;
        }
        Map<String, Object> resolved = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : jdbc.entrySet()) {
            String name = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            String valueKey = key + ".jdbc." + name;
            if (name.equals("password") && value != null && !EnvironmentReferences.isReference(value.toString())) {
                throw new InvalidConfigException(
                        valueKey, "write the password as a reference to the environment, e.g. \"${env:ERP_PASSWORD}\"");
            }
            resolved.put(
                    name,
                    value instanceof String text ? EnvironmentReferences.resolve(text, valueKey, environment) : value);
        }
        Map<String, Object> copy = new java.util.LinkedHashMap<>(source);
        copy.put("jdbc", resolved);
        return copy;
    }

    private static String string(Map<String, Object> map, String key, String prefix) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            throw new InvalidConfigException(prefix + "." + key, "must be a single value");
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String key) {
        if (!(value instanceof Map<?, ?>)) {
            throw new InvalidConfigException(key, "must be a mapping of keys to values");
        }
        return (Map<String, Object>) value;
    }

    private static Map<String, Object> asMapOrNull(Object value, String key) {
        return value == null ? null : asMap(value, key);
    }
}
