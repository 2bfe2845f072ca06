package dev.rapport.ingest.config;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.config.InvalidConfigException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code streaming} section of the config: how the continuous ingestion job checkpoints.
 *
 * @param checkpointInterval how often a checkpoint is taken; rows become visible in Iceberg at each
 *     one, so this is also the freshness of the tables
 * @param checkpointDir where checkpoints are kept; a restarted job resumes from the newest one
 */
public record StreamingConfig(Duration checkpointInterval, String checkpointDir) {

    public static final String CHECKPOINT_INTERVAL = "checkpoint_interval";
    public static final String CHECKPOINT_DIR = "checkpoint_dir";
    public static final Duration CHECKPOINT_INTERVAL_DEFAULT = Duration.ofSeconds(10);
    /** Relative to the config file's folder. */
    public static final String CHECKPOINT_DIR_DEFAULT = "rapport-data/checkpoints";

    private static final Set<String> KEYS = Set.of(CHECKPOINT_INTERVAL, CHECKPOINT_DIR);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min)?");
    private static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    public StreamingConfig {
        requireNonNull(checkpointInterval, "checkpointInterval is null");
        requireNonNull(checkpointDir, "checkpointDir is null");
        if (checkpointInterval.compareTo(MIN_INTERVAL) < 0) {
            throw new IllegalArgumentException(
                    "checkpointInterval must be at least " + MIN_INTERVAL.toMillis() + " ms");
        }
    }

    /** The defaults, with the checkpoint folder under {@code baseDir}. */
    public static StreamingConfig defaults(Path baseDir) {
        return new StreamingConfig(
                CHECKPOINT_INTERVAL_DEFAULT,
                baseDir.resolve(CHECKPOINT_DIR_DEFAULT).normalize().toString());
    }

    /**
     * Reads the {@code streaming} section; null means all defaults.
     *
     * @param baseDir the folder a relative {@code checkpoint_dir} resolves against
     */
    public static StreamingConfig fromMap(Map<String, Object> yaml, String key, Path baseDir) {
        StreamingConfig defaults = defaults(baseDir);
        if (yaml == null) {
            return defaults;
        }
        for (String k : yaml.keySet()) {
            if (!KEYS.contains(k)) {
                throw new InvalidConfigException(
                        key + "." + k, "unknown key; use " + CHECKPOINT_INTERVAL + " or " + CHECKPOINT_DIR);
            }
        }
        Duration interval = defaults.checkpointInterval();
        Object rawInterval = yaml.get(CHECKPOINT_INTERVAL);
        if (rawInterval != null) {
            interval = duration(rawInterval.toString(), key + "." + CHECKPOINT_INTERVAL);
        }
        String dir = defaults.checkpointDir();
        Object rawDir = yaml.get(CHECKPOINT_DIR);
        if (rawDir != null) {
            if (rawDir instanceof Map
                    || rawDir instanceof List
                    || rawDir.toString().isBlank()) {
                throw new InvalidConfigException(key + "." + CHECKPOINT_DIR, "expected a folder");
            }
            String text = rawDir.toString().strip();
            dir = text.contains("://")
                    ? text
                    : baseDir.resolve(text).normalize().toString();
        }
        return new StreamingConfig(interval, dir);
    }

    /** {@code 500ms}, {@code 10s}, {@code 2m}; a bare number is seconds. */
    static Duration duration(String text, String key) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidConfigException(key, "'" + text + "' is not a duration; write e.g. 500ms, 10s or 1m");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        Duration duration =
                switch (unit) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    default -> Duration.ofMinutes(amount);
                };
        if (duration.compareTo(MIN_INTERVAL) < 0) {
            throw new InvalidConfigException(key, "must be at least 100ms, got '" + text + "'");
        }
        return duration;
    }
}
