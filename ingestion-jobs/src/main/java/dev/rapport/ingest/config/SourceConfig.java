package dev.rapport.ingest.config;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.read.CsvHeader;
import dev.rapport.ingest.read.CsvSettings;
import dev.rapport.schemas.config.InvalidConfigException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One entry of {@code sources} in the config file, validated: everything wrong with it is found
 * before any job starts and reported with its config key.
 *
 * @param name unique name of the source; becomes the {@code source} column
 * @param kind customer records or interactions
 * @param format file format
 * @param path a file, a folder or a glob, absolute (relative paths are resolved by {@link #fromMap});
 *     for a Kafka source {@code kafka:<topic>}, for people only
 * @param options format and normalization options, see {@link SourceOptions}
 * @param mapping canonical field to where its value is in a source record, in config order
 * @param kafka where a Kafka source reads; null for file sources
 */
public record SourceConfig(
        String name,
        SourceKind kind,
        SourceFormat format,
        String path,
        Map<String, String> options,
        Map<String, FieldSpec> mapping,
        KafkaSettings kafka)
        implements Serializable {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Set<String> KEYS = Set.of("name", "kind", "format", "path", "options", "mapping");
    private static final Set<String> KAFKA_KEYS = Set.of(
            "name",
            "kind",
            "format",
            "options",
            "mapping",
            KafkaSettings.BOOTSTRAP_SERVERS,
            KafkaSettings.TOPIC,
            KafkaSettings.GROUP_ID,
            KafkaSettings.STARTING_OFFSETS,
            KafkaSettings.VALUE_SCHEMA,
            KafkaSettings.VALUE_ENCODING);

    public SourceConfig {
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(format, "format is null");
        requireNonNull(path, "path is null");
        options = options == null ? Map.of() : Map.copyOf(options);
        mapping =
                java.util.Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(mapping, "mapping is null")));
        if (format.isKafka() != (kafka != null)) {
            throw new IllegalArgumentException("a " + format.configName() + " source "
                    + (format.isKafka() ? "needs" : "cannot have") + " Kafka settings");
        }
    }

    /** A file source. */
    public SourceConfig(
            String name,
            SourceKind kind,
            SourceFormat format,
            String path,
            Map<String, String> options,
            Map<String, FieldSpec> mapping) {
        this(name, kind, format, path, options, mapping, null);
    }

    /** True for an unbounded source (a Kafka topic), read only by the streaming job. */
    public boolean isStream() {
        return kafka != null;
    }

    /**
     * Builds and validates a source from the parsed YAML of one {@code sources[i]} entry.
     *
     * @param key the entry's config key, e.g. {@code sources[2]}, used in error messages
     * @param baseDir the folder relative paths resolve against (the config file's folder)
     * @throws InvalidConfigException naming the key at fault and what to do
     */
    public static SourceConfig fromMap(Map<String, Object> yaml, String key, Path baseDir) {
        requireNonNull(yaml, "yaml is null");
        requireNonNull(key, "key is null");
        requireNonNull(baseDir, "baseDir is null");
        String name = required(yaml, "name", key);
        if (!NAME.matcher(name).matches()) {
            throw new InvalidConfigException(
                    key + ".name",
                    "'" + name + "' is not a valid source name: use lower-case letters, digits, '_' and '-', starting"
                            + " with a letter");
        }
        SourceKind kind = choice(SourceKind.class, required(yaml, "kind", key), key + ".kind");
        SourceFormat format = choice(SourceFormat.class, required(yaml, "format", key), key + ".format");
        for (String k : yaml.keySet()) {
            if (!(format.isKafka() ? KAFKA_KEYS : KEYS).contains(k)) {
                throw new InvalidConfigException(
                        key + "." + k,
                        format.isKafka()
                                ? "unknown key; a " + format.configName() + " source has name, kind, format, "
                                        + String.join(", ", KafkaSettings.KEYS) + ", options, mapping"
                                : "unknown key; a source has name, kind, format, path, options, mapping");
            }
        }
        Map<String, String> options = SourceOptions.parse(yaml.get("options"), format, key + ".options");
        Map<String, FieldSpec> mapping = mapping(yaml.get("mapping"), kind, key + ".mapping");
        if (format.isKafka()) {
            KafkaSettings kafka = KafkaSettings.fromMap(yaml, name, format, baseDir, key);
            return new SourceConfig(name, kind, format, "kafka:" + kafka.topic(), options, mapping, kafka);
        }

        String rawPath = required(yaml, "path", key);
        Path resolved = baseDir.resolve(rawPath).normalize();
        List<Path> files;
        try {
            files = SourceFiles.resolve(resolved.toString());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(key + ".path", e.getMessage());
        } catch (java.io.UncheckedIOException e) {
            throw new InvalidConfigException(
                    key + ".path",
                    "cannot list " + rawPath + ": " + e.getCause().getMessage());
        }
        if (files.isEmpty()) {
            throw new InvalidConfigException(
                    key + ".path",
                    "'" + rawPath + "' matches no file (looked in " + resolved
                            + "); give a file, a folder or a glob such as data/crm_*.csv");
        }
        SourceConfig source = new SourceConfig(name, kind, format, resolved.toString(), options, mapping);
        if (format == SourceFormat.CSV) {
            checkCsvColumns(source, files, key);
        }
        return source;
    }

    /** The CSV settings of this source (defaults where options are absent). */
    public CsvSettings csvSettings() {
        return new CsvSettings(
                options.getOrDefault(SourceOptions.DELIMITER, ",").charAt(0),
                options.getOrDefault(SourceOptions.QUOTE, "\"").charAt(0),
                Boolean.parseBoolean(options.getOrDefault(SourceOptions.HEADER, "true")),
                encoding().name());
    }

    public Charset encoding() {
        return Charset.forName(options.getOrDefault(SourceOptions.ENCODING, "UTF-8"));
    }

    public ZoneId timezone() {
        return ZoneId.of(options.getOrDefault(SourceOptions.TIMEZONE, "UTC"));
    }

    /** ISO 3166-1 alpha-2 country for phones and addresses without one, or null. */
    public String defaultCountry() {
        return options.get(SourceOptions.DEFAULT_COUNTRY);
    }

    private static void checkCsvColumns(SourceConfig source, List<Path> files, String key) {
        CsvSettings settings = source.csvSettings();
        for (Path file : files) {
            List<String> header;
            try {
                header = CsvHeader.read(file, settings);
            } catch (IOException | RuntimeException e) {
                throw new InvalidConfigException(
                        key + ".path", "cannot read the header of " + file.getFileName() + ": " + e.getMessage());
            }
            for (Map.Entry<String, FieldSpec> field : source.mapping().entrySet()) {
                for (String column : field.getValue().columns()) {
                    if (!header.isEmpty() && !header.contains(column)) {
                        throw new InvalidConfigException(
                                key + ".mapping." + field.getKey(),
                                "column '" + column + "' is not in the header of " + file.getFileName()
                                        + (settings.header()
                                                ? "; its columns are " + String.join(", ", header)
                                                : "; without a header, columns are numbered 0.."
                                                        + (header.size() - 1)));
                    }
                }
            }
        }
    }

    private static Map<String, FieldSpec> mapping(Object yaml, SourceKind kind, String key) {
        if (!(yaml instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new InvalidConfigException(
                    key, "a source needs a mapping of canonical fields to source columns, e.g. {source_id: Id}");
        }
        Map<String, FieldType> canonical = CanonicalFields.of(kind);
        Map<String, FieldSpec> mapping = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String field = String.valueOf(entry.getKey());
            FieldType type = canonical.get(field);
            if (type == null) {
                throw new InvalidConfigException(
                        key + "." + field,
                        "not a field of a " + kind.configName() + " record; use one of "
                                + String.join(", ", canonical.keySet()));
            }
            mapping.put(field, FieldSpec.parse(entry.getValue(), type, key + "." + field));
        }
        for (String field : CanonicalFields.required(kind)) {
            if (!mapping.containsKey(field)) {
                throw new InvalidConfigException(
                        key + "." + field,
                        "missing: a " + kind.configName() + " source must map "
                                + String.join(", ", CanonicalFields.required(kind)));
            }
        }
        return mapping;
    }

    private static String required(Map<String, Object> yaml, String name, String key) {
        Object value = yaml.get(name);
        if (value == null || value.toString().isBlank()) {
            throw new InvalidConfigException(key + "." + name, "missing; every source needs " + name);
        }
        if (value instanceof Map || value instanceof List) {
            throw new InvalidConfigException(key + "." + name, "expected a single value");
        }
        return value.toString().strip();
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String value, String key) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(
                    key,
                    "'" + value + "' is not one of "
                            + String.join(
                                    ", ",
                                    Arrays.stream(type.getEnumConstants())
                                            .map(c -> c.name()
                                                    .toLowerCase(Locale.ROOT)
                                                    .replace('_', '-'))
                                            .toList()));
        }
    }

    static void checkZone(String zone, String key) {
        try {
            ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new InvalidConfigException(key, "'" + zone + "' is not a time zone; use e.g. UTC or Europe/Belgrade");
        }
    }
}
