package dev.rapport.metrics.feed;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.config.InvalidConfigException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where {@code rapport feed} exports {@code feeds.personalization}: JSON lines or Parquet files in
 * a folder (local or {@code s3://}), or JSON messages on a Kafka topic (key: the customer key).
 *
 * <pre>{@code
 * feed:
 *   destinations:
 *     - {name: crm, format: jsonl, path: ./feed/crm, pii: true}
 *     - {name: ads, format: parquet, path: s3://bucket/feed/ads}   # pii: false, the default
 *     - {name: lake, format: jsonl, path: s3://lake/feed, s3: {endpoint: "http://minio:9000", path_style_access: true}}
 *     - {name: web, format: kafka, topic: personalization, bootstrap_servers: broker:9092}
 * }</pre>
 *
 * <p>A destination with {@code pii: false} (the default) receives no e-mail address, phone number
 * or customer id: only their salted SHA-256 ({@link SaltedHash}), with the salt from the
 * environment variable {@value SaltedHash#SALT_VARIABLE}.
 */
public record FeedDestination(
        String name,
        Format format,
        String path,
        String topic,
        String bootstrapServers,
        boolean pii,
        Map<String, String> s3) {

    /** The formats a destination can take. */
    public enum Format {
        JSONL,
        PARQUET,
        KAFKA;

        static Format of(Object value, String key) {
            String text = value == null ? "" : value.toString().strip().toLowerCase(Locale.ROOT);
            return switch (text) {
                case "jsonl", "json" -> JSONL;
                case "parquet" -> PARQUET;
                case "kafka" -> KAFKA;
                default ->
                    throw new InvalidConfigException(
                            key, "'" + value + "' is not a feed format; use jsonl, parquet or kafka");
            };
        }
    }

    private static final Set<String> KEYS = Set.of("name", "format", "path", "topic", "bootstrap_servers", "pii", "s3");

    /** The {@code s3:} settings a destination may give, as Iceberg S3FileIO properties. */
    private static final Map<String, String> S3_KEYS =
            Map.of("endpoint", "s3.endpoint", "path_style_access", "s3.path-style-access", "region", "client.region");

    /** A destination with no S3 settings of its own. */
    public FeedDestination(
            String name, Format format, String path, String topic, String bootstrapServers, boolean pii) {
        this(name, format, path, topic, bootstrapServers, pii, Map.of());
    }

    /** Whether the files go to S3 (or an S3-compatible store). */
    public boolean onS3() {
        return path != null && (path.startsWith("s3://") || path.startsWith("s3a://"));
    }

    public FeedDestination {
        requireNonNull(name, "name is null");
        s3 = Map.copyOf(requireNonNull(s3, "s3 is null"));
        requireNonNull(format, "format is null");
        if (format == Format.KAFKA) {
            requireNonNull(topic, "topic is null");
            requireNonNull(bootstrapServers, "bootstrapServers is null");
        } else {
            requireNonNull(path, "path is null");
        }
    }

    static List<FeedDestination> listFromYaml(Object value, String key, java.nio.file.Path baseDir) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidConfigException(key, "must be a list of destinations");
        }
        List<FeedDestination> destinations = new java.util.ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = key + "[" + i + "]";
            FeedDestination destination = fromYaml(list.get(i), at, baseDir);
            if (!names.add(destination.name())) {
                throw new InvalidConfigException(at + ".name", "'" + destination.name() + "' is used twice");
            }
            destinations.add(destination);
        }
        return List.copyOf(destinations);
    }

    private static FeedDestination fromYaml(Object value, String key, java.nio.file.Path baseDir) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidConfigException(key, "must be a map with name, format and path (or topic)");
        }
        for (Object setting : map.keySet()) {
            if (!KEYS.contains(String.valueOf(setting))) {
                throw new InvalidConfigException(
                        key + "." + setting,
                        "unknown setting; known settings are "
                                + KEYS.stream().sorted().toList());
            }
        }
        String name = text(map.get("name"), key + ".name");
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new InvalidConfigException(key + ".name", "'" + name + "' may hold only letters, digits, - and _");
        }
        Format format = Format.of(map.get("format"), key + ".format");
        Object pii = map.get("pii");
        if (pii != null && !(pii instanceof Boolean)) {
            throw new InvalidConfigException(key + ".pii", "must be true or false, not '" + pii + "'");
        }
        if (format == Format.KAFKA) {
            if (map.get("path") != null) {
                throw new InvalidConfigException(key + ".path", "a kafka destination takes topic, not path");
            }
            if (map.get("s3") != null) {
                throw new InvalidConfigException(key + ".s3", "a kafka destination has no s3 settings");
            }
            return new FeedDestination(
                    name,
                    format,
                    null,
                    text(map.get("topic"), key + ".topic"),
                    text(map.get("bootstrap_servers"), key + ".bootstrap_servers"),
                    Boolean.TRUE.equals(pii));
        }
        if (map.get("topic") != null || map.get("bootstrap_servers") != null) {
            throw new InvalidConfigException(
                    key + ".topic",
                    "a " + format.name().toLowerCase(Locale.ROOT) + " destination takes path, not topic");
        }
        String path = location(text(map.get("path"), key + ".path"), baseDir);
        Map<String, String> s3 = s3(map.get("s3"), key + ".s3");
        if (!s3.isEmpty() && !path.startsWith("s3")) {
            throw new InvalidConfigException(key + ".s3", "is only for s3:// paths; path is " + path);
        }
        return new FeedDestination(name, format, path, null, null, Boolean.TRUE.equals(pii), s3);
    }

    private static Map<String, String> s3(Object value, String key) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> settings)) {
            throw new InvalidConfigException(
                    key, "expected a map such as {endpoint: \"http://minio:9000\", path_style_access: true}");
        }
        Map<String, String> properties = new java.util.TreeMap<>();
        for (Map.Entry<?, ?> entry : settings.entrySet()) {
            String property = S3_KEYS.get(String.valueOf(entry.getKey()));
            if (property == null) {
                throw new InvalidConfigException(
                        key + "." + entry.getKey(), "unknown key; use endpoint, path_style_access, region");
            }
            properties.put(property, String.valueOf(entry.getValue()).strip());
        }
        return properties;
    }

    /** A URI (s3://, file://) as written; a plain path resolved against the config file's folder. */
    private static String location(String path, java.nio.file.Path baseDir) {
        if (path.contains("://")) {
            return path;
        }
        return baseDir.resolve(path).toAbsolutePath().normalize().toUri().toString();
    }

    private static String text(Object value, String key) {
        if (value == null || value.toString().isBlank()) {
            throw new InvalidConfigException(key, "is missing");
        }
        return value.toString().strip();
    }
}
