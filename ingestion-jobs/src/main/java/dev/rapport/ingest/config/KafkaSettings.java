package dev.rapport.ingest.config;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.config.InvalidConfigException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * Where a Kafka source reads: the keys {@code bootstrap_servers}, {@code topic}, {@code group_id}
 * and {@code starting_offsets} of a {@code sources[i]} entry. Credentials are not part of it: a
 * secured cluster's client settings come from the environment, never from the file.
 *
 * @param bootstrapServers comma-separated {@code host:port} list
 * @param topic the one topic the source reads
 * @param groupId the consumer group; offsets are committed to it on every checkpoint (for monitoring
 *     and for {@code starting_offsets: committed}; exactly-once rests on Flink's checkpoints)
 * @param startingOffsets where to start without a checkpoint
 * @param valueSchema for {@code kafka-avro}: the writer schema of the values (Avro schema JSON, read
 *     from the file {@code value_schema} names when the config is loaded); null otherwise
 * @param valueEncoding for {@code kafka-avro}: how values are framed; null otherwise
 */
public record KafkaSettings(
        String bootstrapServers,
        String topic,
        String groupId,
        StartingOffsets startingOffsets,
        String valueSchema,
        AvroEncoding valueEncoding)
        implements Serializable {

    public static final String BOOTSTRAP_SERVERS = "bootstrap_servers";
    public static final String TOPIC = "topic";
    public static final String GROUP_ID = "group_id";
    public static final String STARTING_OFFSETS = "starting_offsets";
    public static final String VALUE_SCHEMA = "value_schema";
    public static final String VALUE_ENCODING = "value_encoding";
    public static final List<String> KEYS =
            List.of(BOOTSTRAP_SERVERS, TOPIC, GROUP_ID, STARTING_OFFSETS, VALUE_SCHEMA, VALUE_ENCODING);

    // Kafka's own rule for topic names.
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern SERVER = Pattern.compile("[^\\s,:]+:\\d{1,5}");

    public KafkaSettings {
        requireNonNull(bootstrapServers, "bootstrapServers is null");
        requireNonNull(topic, "topic is null");
        requireNonNull(groupId, "groupId is null");
        requireNonNull(startingOffsets, "startingOffsets is null");
        if ((valueSchema == null) != (valueEncoding == null)) {
            throw new IllegalArgumentException("valueSchema and valueEncoding go together");
        }
    }

    /** Settings of a source whose values are JSON (no Avro schema). */
    public KafkaSettings(String bootstrapServers, String topic, String groupId, StartingOffsets startingOffsets) {
        this(bootstrapServers, topic, groupId, startingOffsets, null, null);
    }

    /**
     * Reads the Kafka keys of one source entry.
     *
     * @param sourceName the source's name, the default group id ({@code rapport-<name>})
     * @param key the entry's config key, e.g. {@code sources[2]}
     */
    static KafkaSettings fromMap(
            Map<String, Object> yaml, String sourceName, SourceFormat format, Path baseDir, String key) {
        String servers = single(yaml, BOOTSTRAP_SERVERS, key);
        if (servers == null) {
            throw new InvalidConfigException(
                    key + "." + BOOTSTRAP_SERVERS,
                    "missing; a Kafka source needs e.g. bootstrap_servers: localhost:9092");
        }
        for (String server : servers.split(",")) {
            if (!SERVER.matcher(server.strip()).matches()) {
                throw new InvalidConfigException(
                        key + "." + BOOTSTRAP_SERVERS,
                        "'" + server.strip() + "' is not host:port; write e.g. kafka-1:9092,kafka-2:9092");
            }
        }
        String topic = single(yaml, TOPIC, key);
        if (topic == null) {
            throw new InvalidConfigException(key + "." + TOPIC, "missing; a Kafka source reads one topic");
        }
        if (!TOPIC_NAME.matcher(topic).matches()) {
            throw new InvalidConfigException(
                    key + "." + TOPIC, "'" + topic + "' is not a Kafka topic name (letters, digits, '.', '_', '-')");
        }
        String group = single(yaml, GROUP_ID, key);
        String offsets = single(yaml, STARTING_OFFSETS, key);
        StartingOffsets starting = StartingOffsets.COMMITTED;
        if (offsets != null) {
            try {
                starting = StartingOffsets.valueOf(offsets.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigException(
                        key + "." + STARTING_OFFSETS,
                        "'" + offsets + "' is not one of "
                                + String.join(
                                        ", ",
                                        Arrays.stream(StartingOffsets.values())
                                                .map(StartingOffsets::configName)
                                                .toList()));
            }
        }
        String schema = null;
        AvroEncoding encoding = null;
        if (format == SourceFormat.KAFKA_AVRO) {
            schema = valueSchema(single(yaml, VALUE_SCHEMA, key), baseDir, key + "." + VALUE_SCHEMA);
            encoding = encoding(single(yaml, VALUE_ENCODING, key), key + "." + VALUE_ENCODING);
        } else {
            for (String avroOnly : List.of(VALUE_SCHEMA, VALUE_ENCODING)) {
                if (yaml.containsKey(avroOnly)) {
                    throw new InvalidConfigException(
                            key + "." + avroOnly, "applies to kafka-avro sources only, not " + format.configName());
                }
            }
        }
        return new KafkaSettings(
                servers.replace(" ", ""),
                topic,
                group == null ? "rapport-" + sourceName : group,
                starting,
                schema,
                encoding);
    }

    /** Reads and parses the writer schema file now, so a wrong schema fails before any job starts. */
    private static String valueSchema(String file, Path baseDir, String key) {
        if (file == null) {
            throw new InvalidConfigException(
                    key, "missing; a kafka-avro source needs the writer schema of its values, e.g. schemas/event.avsc");
        }
        Path path = baseDir.resolve(file).normalize();
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InvalidConfigException(key, "cannot read " + file + " (looked in " + path + "): " + e);
        }
        Schema schema;
        try {
            schema = new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new InvalidConfigException(key, file + " is not an Avro schema: " + e.getMessage());
        }
        if (schema.getType() != Schema.Type.RECORD) {
            throw new InvalidConfigException(
                    key, file + " is a " + schema.getType() + " schema; values must be records");
        }
        return schema.toString();
    }

    private static AvroEncoding encoding(String value, String key) {
        if (value == null) {
            return AvroEncoding.BINARY;
        }
        for (AvroEncoding encoding : AvroEncoding.values()) {
            if (encoding.configName().equalsIgnoreCase(value)) {
                return encoding;
            }
        }
        throw new InvalidConfigException(key, "'" + value + "' is not one of binary, single-object");
    }

    private static String single(Map<String, Object> yaml, String name, String key) {
        Object value = yaml.get(name);
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
