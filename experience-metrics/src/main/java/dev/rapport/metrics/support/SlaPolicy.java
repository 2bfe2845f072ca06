package dev.rapport.metrics.support;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.config.InvalidConfigException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The support SLA policy, the {@code metrics.sla} section of {@code rapport.yaml}:
 *
 * <pre>{@code
 * metrics:
 *   sla:
 *     reopen_window: 7d                               # a reopen within this after the first
 *                                                     # resolution spoils first contact resolution
 *     low:    {first_response: 24h, resolution: 72h}
 *     normal: {first_response: 8h,  resolution: 48h}
 *     high:   {first_response: 4h,  resolution: 24h}
 *     urgent: {first_response: 1h,  resolution: 8h}
 * }</pre>
 *
 * <p>A priority given in the file replaces that priority's defaults (both targets must be
 * given); other priorities keep theirs; new priority names may be added. Tickets whose priority
 * is missing or not in the policy are held to the {@code normal} targets. Durations are a whole
 * number followed by {@code m}, {@code h} or {@code d}.
 */
public record SlaPolicy(Map<String, SlaTarget> targets, Duration reopenWindow) {

    public static final String REOPEN_WINDOW = "reopen_window";
    public static final String FIRST_RESPONSE = "first_response";
    public static final String RESOLUTION = "resolution";
    /** The priority whose targets apply to tickets of a priority the policy does not name. */
    public static final String FALLBACK_PRIORITY = "normal";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,6})\\s*([mhd])");
    // Priority names are spliced into SQL: keep them to plain words.
    private static final Pattern PRIORITY = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public SlaPolicy {
        requireNonNull(targets, "targets is null");
        requireNonNull(reopenWindow, "reopenWindow is null");
        targets = Map.copyOf(new TreeMap<>(targets));
        if (!targets.containsKey(FALLBACK_PRIORITY)) {
            throw new IllegalArgumentException("the policy needs targets for '" + FALLBACK_PRIORITY + "'");
        }
        for (String priority : targets.keySet()) {
            if (!PRIORITY.matcher(priority).matches()) {
                throw new IllegalArgumentException("priority '" + priority + "' is not a plain lower-case word");
            }
        }
        if (reopenWindow.isNegative()) {
            throw new IllegalArgumentException("reopenWindow is negative: " + reopenWindow);
        }
    }

    public static SlaPolicy defaults() {
        return new SlaPolicy(
                Map.of(
                        "low", new SlaTarget(Duration.ofHours(24), Duration.ofHours(72)),
                        "normal", new SlaTarget(Duration.ofHours(8), Duration.ofHours(48)),
                        "high", new SlaTarget(Duration.ofHours(4), Duration.ofHours(24)),
                        "urgent", new SlaTarget(Duration.ofHours(1), Duration.ofHours(8))),
                Duration.ofDays(7));
    }

    /** The targets of a ticket of this priority (case-insensitive), or the fallback's. */
    public SlaTarget targetFor(String priority) {
        SlaTarget target = priority == null ? null : targets.get(priority.trim().toLowerCase(Locale.ROOT));
        return target != null ? target : targets.get(FALLBACK_PRIORITY);
    }

    /** Reads the section under {@code key}; a missing section gives the defaults. */
    public static SlaPolicy fromMap(Object value, String key) {
        requireNonNull(key, "key is null");
        if (value == null) {
            return defaults();
        }
        if (!(value instanceof Map<?, ?> section)) {
            throw new InvalidConfigException(key, "must be a map of priorities to {first_response, resolution}");
        }
        SlaPolicy defaults = defaults();
        Map<String, SlaTarget> targets = new TreeMap<>(defaults.targets());
        Duration reopenWindow = defaults.reopenWindow();
        for (Map.Entry<?, ?> entry : section.entrySet()) {
            String name = String.valueOf(entry.getKey());
            String entryKey = key + "." + name;
            if (name.equals(REOPEN_WINDOW)) {
                reopenWindow = duration(entry.getValue(), entryKey);
                continue;
            }
            if (!PRIORITY.matcher(name).matches()) {
                throw new InvalidConfigException(
                        entryKey, "a priority name is a lower-case word (letters, digits, _), e.g. high");
            }
            if (!(entry.getValue() instanceof Map<?, ?> target)) {
                throw new InvalidConfigException(entryKey, "must be a map: {first_response: 4h, resolution: 24h}");
            }
            for (Object setting : target.keySet()) {
                if (!FIRST_RESPONSE.equals(setting) && !RESOLUTION.equals(setting)) {
                    throw new InvalidConfigException(
                            entryKey + "." + setting, "unknown setting; known settings are first_response, resolution");
                }
            }
            targets.put(
                    name,
                    new SlaTarget(required(target, FIRST_RESPONSE, entryKey), required(target, RESOLUTION, entryKey)));
        }
        return new SlaPolicy(targets, reopenWindow);
    }

    private static Duration required(Map<?, ?> target, String setting, String key) {
        Object value = target.get(setting);
        if (value == null) {
            throw new InvalidConfigException(key + "." + setting, "is missing; write it like 4h");
        }
        Duration duration = duration(value, key + "." + setting);
        if (duration.isZero()) {
            throw new InvalidConfigException(key + "." + setting, "must be more than zero");
        }
        return duration;
    }

    /** {@code 30m}, {@code 4h}, {@code 7d}. */
    static Duration duration(Object value, String key) {
        Matcher matcher = DURATION.matcher(String.valueOf(value).trim().toLowerCase(Locale.ROOT));
        if (value instanceof Map<?, ?> || value instanceof Iterable<?> || !matcher.matches()) {
            throw new InvalidConfigException(
                    key, "'" + value + "' is not a duration; write a whole number and m, h or d, e.g. 4h");
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }
}
