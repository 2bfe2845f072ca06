package dev.rapport.metrics.alert;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.config.InvalidConfigException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The closed loop, the {@code metrics.alerts} section of {@code rapport.yaml}: where survey
 * responses arrive (one Kafka topic of JSON messages, see {@link SurveyResponseParser}) and how
 * often the customer and ticket lookups are reread.
 *
 * <pre>{@code
 * metrics:
 *   alerts:
 *     bootstrap_servers: "broker:9092"   # required
 *     topic: survey-responses            # required
 *     group_id: rapport-alerts           # default
 *     starting_offsets: committed        # earliest | latest | committed (default; earliest when none)
 *     lookup_refresh: 1m                 # reread identity_map, support_sla and tickets this often
 * }</pre>
 */
public record AlertsConfig(
        String bootstrapServers,
        String topic,
        String groupId,
        StartingOffsets startingOffsets,
        Duration lookupRefresh) {

    public static final String BOOTSTRAP_SERVERS = "bootstrap_servers";
    public static final String TOPIC = "topic";
    public static final String GROUP_ID = "group_id";
    public static final String STARTING_OFFSETS = "starting_offsets";
    public static final String LOOKUP_REFRESH = "lookup_refresh";
    public static final String GROUP_ID_DEFAULT = "rapport-alerts";
    public static final Duration LOOKUP_REFRESH_DEFAULT = Duration.ofMinutes(1);

    private static final Set<String> KEYS =
            Set.of(BOOTSTRAP_SERVERS, TOPIC, GROUP_ID, STARTING_OFFSETS, LOOKUP_REFRESH);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*(ms|s|m|h)");

    /** Where a new consumer group starts reading. */
    public enum StartingOffsets {
        EARLIEST,
        LATEST,
        COMMITTED
    }

    public AlertsConfig {
        requireNonNull(bootstrapServers, "bootstrapServers is null");
        requireNonNull(topic, "topic is null");
        requireNonNull(groupId, "groupId is null");
        requireNonNull(startingOffsets, "startingOffsets is null");
        requireNonNull(lookupRefresh, "lookupRefresh is null");
        if (lookupRefresh.isNegative()) {
            throw new IllegalArgumentException("lookupRefresh is negative: " + lookupRefresh);
        }
    }

    /** The section under {@code key}; empty when it is missing. Errors name the key at fault. */
    public static Optional<AlertsConfig> fromMap(Object value, String key) {
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> yaml)) {
            throw new InvalidConfigException(key, "must be a map with bootstrap_servers and topic");
        }
        for (Object name : yaml.keySet()) {
            if (!KEYS.contains(String.valueOf(name))) {
                throw new InvalidConfigException(
                        key + "." + name,
                        "unknown setting; known settings are "
                                + String.join(", ", KEYS.stream().sorted().toList()));
            }
        }
        String servers = text(yaml.get(BOOTSTRAP_SERVERS), key + "." + BOOTSTRAP_SERVERS, null);
        String topic = text(yaml.get(TOPIC), key + "." + TOPIC, null);
        String group = text(yaml.get(GROUP_ID), key + "." + GROUP_ID, GROUP_ID_DEFAULT);
        String offsets = text(yaml.get(STARTING_OFFSETS), key + "." + STARTING_OFFSETS, "committed");
        StartingOffsets starting;
        try {
            starting = StartingOffsets.valueOf(offsets.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(
                    key + "." + STARTING_OFFSETS, "'" + offsets + "' is not earliest, latest or committed");
        }
        Duration refresh = yaml.get(LOOKUP_REFRESH) == null
                ? LOOKUP_REFRESH_DEFAULT
                : duration(String.valueOf(yaml.get(LOOKUP_REFRESH)), key + "." + LOOKUP_REFRESH);
        return Optional.of(new AlertsConfig(servers, topic, group, starting, refresh));
    }

    private static String text(Object value, String key, String fallback) {
        if (value == null || String.valueOf(value).isBlank()) {
            if (fallback == null) {
                throw new InvalidConfigException(key, "is required");
            }
            return fallback;
        }
        if (value instanceof Map<?, ?> || value instanceof Iterable<?>) {
            throw new InvalidConfigException(key, "must be text");
        }
        return String.valueOf(value).trim();
    }

    private static Duration duration(String text, String key) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new InvalidConfigException(key, "'" + text + "' is not a duration such as 500ms, 30s, 1m or 1h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }
}
