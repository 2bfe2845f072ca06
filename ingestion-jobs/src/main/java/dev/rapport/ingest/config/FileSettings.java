package dev.rapport.ingest.config;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.config.InvalidConfigException;
import java.io.Serializable;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How a file source is read: once ({@code mode: batch}, the default) or watched for new files
 * ({@code mode: watch}), and, for {@code s3://} paths, how to reach the object store.
 *
 * @param watch true to keep the job running and pick up new files as they appear
 * @param watchInterval how often a watched location is listed
 * @param s3 Iceberg S3FileIO properties ({@code s3.endpoint}, {@code s3.path-style-access}, {@code
 *     client.region}); credentials always come from the AWS SDK's default chain
 */
public record FileSettings(boolean watch, Duration watchInterval, Map<String, String> s3) implements Serializable {

    public static final String MODE = "mode";
    public static final String WATCH_INTERVAL = "watch_interval";
    public static final String S3 = "s3";
    public static final Duration WATCH_INTERVAL_DEFAULT = Duration.ofSeconds(10);
    public static final FileSettings BATCH = new FileSettings(false, WATCH_INTERVAL_DEFAULT, Map.of());

    static final List<String> KEYS = List.of(MODE, WATCH_INTERVAL, S3);

    private static final Map<String, String> S3_KEYS =
            Map.of("endpoint", "s3.endpoint", "path_style_access", "s3.path-style-access", "region", "client.region");
    private static final Set<String> SECRET_WORDS = Set.of("secret", "password", "token", "access_key", "access-key");

    public FileSettings {
        requireNonNull(watchInterval, "watchInterval is null");
        s3 = s3 == null ? Map.of() : Map.copyOf(s3);
    }

    static FileSettings fromMap(Map<String, Object> yaml, String key) {
        boolean watch = false;
        Object mode = yaml.get(MODE);
        if (mode != null) {
            switch (mode.toString().strip().toLowerCase(Locale.ROOT)) {
                case "batch" -> watch = false;
                case "watch" -> watch = true;
                default ->
                    throw new InvalidConfigException(key + "." + MODE, "'" + mode + "' is not one of batch, watch");
            }
        }
        Duration interval = WATCH_INTERVAL_DEFAULT;
        if (yaml.get(WATCH_INTERVAL) != null) {
            if (!watch) {
                throw new InvalidConfigException(key + "." + WATCH_INTERVAL, "applies only with mode: watch");
            }
            interval = StreamingConfig.duration(yaml.get(WATCH_INTERVAL).toString(), key + "." + WATCH_INTERVAL);
        }
        Map<String, String> s3 = new LinkedHashMap<>();
        Object s3Yaml = yaml.get(S3);
        if (s3Yaml != null) {
            if (!(s3Yaml instanceof Map<?, ?> map)) {
                throw new InvalidConfigException(
                        key + "." + S3,
                        "expected a map such as {endpoint: \"http://minio:9000\", path_style_access: true}");
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String name = String.valueOf(entry.getKey());
                if (SECRET_WORDS.stream().anyMatch(name.toLowerCase(Locale.ROOT)::contains)) {
                    throw new InvalidConfigException(
                            key + "." + S3 + "." + name,
                            "credentials never go in the config file; they come from the AWS SDK's default chain"
                                    + " (AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, a profile, or the instance role)");
                }
                String property = S3_KEYS.get(name);
                if (property == null || entry.getValue() == null || entry.getValue() instanceof Map) {
                    throw new InvalidConfigException(
                            key + "." + S3 + "." + name,
                            property == null
                                    ? "unknown key; use endpoint, path_style_access, region"
                                    : "expected a single value");
                }
                s3.put(property, entry.getValue().toString().strip());
            }
        }
        return new FileSettings(watch, interval, s3);
    }
}
