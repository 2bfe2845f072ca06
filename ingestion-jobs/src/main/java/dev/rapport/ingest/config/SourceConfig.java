package dev.rapport.ingest.config;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.read.CsvHeader;
import dev.rapport.ingest.read.CsvSettings;
import dev.rapport.ingest.read.S3Files;
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
 * @param jdbc where a {@code format: jdbc} source reads; null for other sources
 * @param files how a file source is read (batch or watched, S3 settings); {@link FileSettings#BATCH}
 *     for other sources
 */
public record SourceConfig(
        String name,
        SourceKind kind,
        SourceFormat format,
        String path,
        Map<String, String> options,
        Map<String, FieldSpec> mapping,
        KafkaSettings kafka,
        FileSettings files,
        JdbcSettings jdbc)
        implements Serializable {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Set<String> KEYS = Set.of(
            "name",
            "preset",
            "kind",
            "format",
            "path",
            "options",
            "mapping",
            FileSettings.MODE,
            FileSettings.WATCH_INTERVAL,
            FileSettings.S3);
    private static final Set<String> JDBC_KEYS =
            Set.of("name", "preset", "kind", "format", "options", "mapping", JdbcSettings.KEY);
    private static final Set<String> KAFKA_KEYS = Set.of(
            "name",
            "preset",
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
        files = files == null ? FileSettings.BATCH : files;
        if ((format == SourceFormat.JDBC) != (jdbc != null)) {
            throw new IllegalArgumentException("a jdbc source, and only it, has JDBC settings");
        }
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
        this(name, kind, format, path, options, mapping, null, FileSettings.BATCH, null);
    }

    /** A Kafka source. */
    public SourceConfig(
            String name,
            SourceKind kind,
            SourceFormat format,
            String path,
            Map<String, String> options,
            Map<String, FieldSpec> mapping,
            KafkaSettings kafka) {
        this(name, kind, format, path, options, mapping, kafka, FileSettings.BATCH, null);
    }

    /**
     * True for an unbounded source (a Kafka topic, or files watched for new ones), read only by the
     * streaming job.
     */
    public boolean isStream() {
        return kafka != null || files.watch();
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
        Set<String> presetFields = Set.of();
        if (yaml.get("preset") != null) {
            Map<String, Object> preset = MappingPresets.load(required(yaml, "preset", key), name, key + ".preset");
            yaml = MappingPresets.apply(preset, yaml);
            presetFields = presetFields(preset, yaml);
        }
        SourceKind kind = choice(SourceKind.class, required(yaml, "kind", key), key + ".kind");
        SourceFormat format = choice(SourceFormat.class, required(yaml, "format", key), key + ".format");
        for (String k : yaml.keySet()) {
            if (format == SourceFormat.JDBC && !JDBC_KEYS.contains(k)) {
                throw new InvalidConfigException(
                        key + "." + k,
                        "unknown key; a jdbc source has name, preset, kind, format, jdbc, options, mapping");
            }
            if (format != SourceFormat.JDBC && !(format.isKafka() ? KAFKA_KEYS : KEYS).contains(k)) {
                throw new InvalidConfigException(
                        key + "." + k,
                        format.isKafka()
                                ? "unknown key; a " + format.configName() + " source has name, kind, format, "
                                        + String.join(", ", KafkaSettings.KEYS) + ", options, mapping"
                                : "unknown key; a source has name, preset, kind, format, path, options, mapping,"
                                        + " mode, watch_interval, s3");
            }
        }
        Map<String, String> options = SourceOptions.parse(yaml.get("options"), format, key + ".options");
        Map<String, FieldSpec> mapping = mapping(yaml.get("mapping"), kind, key + ".mapping");
        if (format.isKafka()) {
            KafkaSettings kafka = KafkaSettings.fromMap(yaml, name, format, baseDir, key);
            return new SourceConfig(name, kind, format, "kafka:" + kafka.topic(), options, mapping, kafka);
        }
        if (format == SourceFormat.JDBC) {
            JdbcSettings jdbc = JdbcSettings.fromMap(yaml.get(JdbcSettings.KEY), name, key + "." + JdbcSettings.KEY);
            List<String> columns = jdbc.probe(name, key);
            SourceConfig source = new SourceConfig(
                    name, kind, format, "jdbc:" + jdbc.table(), options, mapping, null, FileSettings.BATCH, jdbc);
            return checkColumns(
                    source, Map.of("table " + jdbc.table(), columns), presetFields, key, "; its columns are ");
        }

        FileSettings fileSettings = FileSettings.fromMap(yaml, key);
        String rawPath = required(yaml, "path", key);
        boolean s3 = S3Files.isS3(rawPath);
        if (!s3 && !fileSettings.s3().isEmpty()) {
            throw new InvalidConfigException(key + "." + FileSettings.S3, "applies only to s3:// paths");
        }
        String location = s3 ? rawPath : baseDir.resolve(rawPath).normalize().toString();
        List<SourceFiles.Entry> files;
        try {
            files = SourceFiles.list(location, fileSettings.s3());
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(key + ".path", "source '" + name + "': " + e.getMessage());
        } catch (RuntimeException e) {
            throw new InvalidConfigException(
                    key + ".path",
                    "source '" + name + "': cannot list " + rawPath + ": "
                            + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
        }
        if (files.isEmpty() && !fileSettings.watch()) {
            throw new InvalidConfigException(
                    key + ".path",
                    "source '" + name + "': '" + rawPath + "' matches no file (looked in " + location
                            + "); give a file, a folder or a glob such as data/crm_*.csv");
        }
        if (files.isEmpty() && !s3 && !java.nio.file.Files.isDirectory(watchedFolder(Path.of(location)))) {
            throw new InvalidConfigException(
                    key + ".path",
                    "source '" + name + "': the folder of '" + rawPath + "' does not exist; a watched source needs"
                            + " its folder even before the first file arrives");
        }
        SourceConfig source =
                new SourceConfig(name, kind, format, location, options, mapping, null, fileSettings, null);
        if (format == SourceFormat.CSV) {
            source = checkCsvColumns(source, files, presetFields, key);
        }
        return source;
    }

    private static Path watchedFolder(Path location) {
        return SourceFiles.hasGlob(location.getFileName().toString()) ? location.getParent() : location;
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

    /**
     * Checks every mapped column against the header of every file. A column the user mapped must be
     * in each header; a field that came from a preset is kept with the columns found in some header
     * and dropped when none has them (exports differ in the columns a user chose), unless the kind
     * requires it.
     */
    private static SourceConfig checkCsvColumns(
            SourceConfig source, List<SourceFiles.Entry> files, Set<String> presetFields, String key) {
        CsvSettings settings = source.csvSettings();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (SourceFiles.Entry file : files) {
            String fileName = file.path().substring(file.path().lastIndexOf('/') + 1);
            try {
                headers.put(
                        "the header of " + fileName,
                        CsvHeader.read(file.path(), source.files().s3(), settings));
            } catch (IOException | RuntimeException e) {
                throw new InvalidConfigException(
                        key + ".path",
                        "source '" + source.name() + "': cannot read the header of " + fileName + ": "
                                + e.getMessage());
            }
        }
        return checkColumns(
                source,
                headers,
                presetFields,
                key,
                settings.header() ? "; its columns are " : "; without a header, columns are numbered from 0: ");
    }

    private static SourceConfig checkColumns(
            SourceConfig source,
            Map<String, List<String>> headers,
            Set<String> presetFields,
            String key,
            String columnsAre) {
        Set<String> seen = new java.util.HashSet<>();
        headers.values().forEach(seen::addAll);
        Map<String, FieldSpec> mapping = new LinkedHashMap<>();
        for (Map.Entry<String, FieldSpec> field : source.mapping().entrySet()) {
            if (!presetFields.contains(field.getKey()) || seen.isEmpty()) {
                mapping.put(field.getKey(), field.getValue());
                continue;
            }
            FieldSpec kept = field.getValue().withColumnsIn(seen);
            if (kept != null) {
                mapping.put(field.getKey(), kept);
            } else if (CanonicalFields.required(source.kind()).contains(field.getKey())) {
                throw new InvalidConfigException(
                        key + ".mapping." + field.getKey(),
                        "source '" + source.name() + "': the preset reads " + field.getKey() + " from "
                                + String.join(", ", field.getValue().columns())
                                + ", which " + String.join(" and ", headers.keySet())
                                + " lack; map it yourself, e.g. mapping: {"
                                + field.getKey() + ": SomeColumn}");
            }
        }
        for (Map.Entry<String, List<String>> file : headers.entrySet()) {
            List<String> header = file.getValue();
            for (Map.Entry<String, FieldSpec> field : mapping.entrySet()) {
                if (presetFields.contains(field.getKey())) {
                    continue;
                }
                for (String column : field.getValue().columns()) {
                    if (!header.isEmpty() && !header.contains(column)) {
                        throw new InvalidConfigException(
                                key + ".mapping." + field.getKey(),
                                "source '" + source.name() + "': column '" + column + "' is not in " + file.getKey()
                                        + columnsAre + String.join(", ", header));
                    }
                }
            }
        }
        return new SourceConfig(
                source.name(),
                source.kind(),
                source.format(),
                source.path(),
                source.options(),
                mapping,
                null,
                source.files(),
                source.jdbc());
    }

    /** The fields of the merged mapping that the preset gave and the source did not override. */
    private static Set<String> presetFields(Map<String, Object> preset, Map<String, Object> merged) {
        if (!(preset.get("mapping") instanceof Map<?, ?> presetMapping)
                || !(merged.get("mapping") instanceof Map<?, ?> mergedMapping)) {
            return Set.of();
        }
        Set<String> fields = new java.util.HashSet<>();
        for (Map.Entry<?, ?> field : presetMapping.entrySet()) {
            if (java.util.Objects.equals(mergedMapping.get(field.getKey()), field.getValue())) {
                fields.add(String.valueOf(field.getKey()));
            }
        }
        return fields;
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
