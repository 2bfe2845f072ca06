package dev.rapport.ingest.config;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.config.InvalidConfigException;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

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
 */
public record KafkaSettings(String bootstrapServers, String topic, String groupId, StartingOffsets startingOffsets)
        implements Serializable {

    public static final String BOOTSTRAP_SERVERS = "bootstrap_servers";
    public static final String TOPIC = "topic";
    public static final String GROUP_ID = "group_id";
    public static final String STARTING_OFFSETS = "starting_offsets";
    public static final List<String> KEYS = List.of(BOOTSTRAP_SERVERS, TOPIC, GROUP_ID, STARTING_OFFSETS);

    // Kafka's own rule for topic names.
    private static final Pattern TOPIC_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");
    private static final Pattern SERVER = Pattern.compile("[^\\s,:]+:\\d{1,5}");

    public KafkaSettings {
        requireNonNull(bootstrapServers, "bootstrapServers is null");
        requireNonNull(topic, "topic is null");
        requireNonNull(groupId, "groupId is null");
        requireNonNull(startingOffsets, "startingOffsets is null");
    }

    /**
     * Reads the Kafka keys of one source entry.
     *
     * @param sourceName the source's name, the default group id ({@code rapport-<name>})
     * @param key the entry's config key, e.g. {@code sources[2]}
     */
    static KafkaSettings fromMap(Map<String, Object> yaml, String sourceName, String key) {
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
        return new KafkaSettings(
                servers.replace(" ", ""), topic, group == null ? "rapport-" + sourceName : group, starting);
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
