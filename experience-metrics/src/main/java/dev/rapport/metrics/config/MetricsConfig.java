package dev.rapport.metrics.config;

import static java.util.Objects.requireNonNull;

import dev.rapport.metrics.alert.AlertsConfig;
import dev.rapport.metrics.customer.HealthConfig;
import dev.rapport.metrics.customer.RfmConfig;
import dev.rapport.metrics.journey.JourneyConfig;
import dev.rapport.metrics.support.SlaPolicy;
import dev.rapport.schemas.config.InvalidConfigException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Settings of the metrics jobs, the {@code metrics} section of {@code rapport.yaml}.
 *
 * <pre>{@code
 * metrics:
 *   from: 2024-03-01   # first day (UTC) to recompute, inclusive; default: the earliest data
 *   to: 2024-03-31     # last day (UTC) to recompute, inclusive; default: the latest data
 *   nps: {}            # reserved for NPS settings; none yet
 *   sla: {...}         # support SLA policy, see SlaPolicy; default: SlaPolicy.defaults()
 *   alerts: {...}      # the closed loop (rapport alerts), see AlertsConfig; default: none
 *   rfm: {...}         # customer_rfm: lookback, reporting currency, see RfmConfig
 *   health: {...}      # customer_health: churn-risk weights and windows, see HealthConfig
 *   journey: {...}     # journey stages and transitions, see JourneyConfig; default: 90 / 180 days
 * }</pre>
 *
 * <p>The customer metrics (customer_rfm...) are computed as of one day, {@link #asOfDay()}.
 *
 * <p>The metric tables are partitioned by month, and a run replaces whole partitions, so the
 * range actually recomputed is widened to whole months: see {@link #firstDayRecomputed()} and
 * {@link #lastDayRecomputed()}.
 */
public record MetricsConfig(
        Optional<LocalDate> from,
        Optional<LocalDate> to,
        SlaPolicy sla,
        Optional<AlertsConfig> alerts,
        RfmConfig rfm,
        HealthConfig health,
        JourneyConfig journey) {

    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String NPS = "nps";
    public static final String SLA = "sla";
    public static final String ALERTS = "alerts";
    public static final String RFM = "rfm";
    public static final String HEALTH = "health";
    public static final String JOURNEY = "journey";

    private static final Set<String> KEYS = Set.of(FROM, TO, NPS, SLA, ALERTS, RFM, HEALTH, JOURNEY);

    public MetricsConfig {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        requireNonNull(sla, "sla is null");
        requireNonNull(alerts, "alerts is null");
        requireNonNull(rfm, "rfm is null");
        requireNonNull(health, "health is null");
        requireNonNull(journey, "journey is null");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new IllegalArgumentException("to " + to.get() + " is before from " + from.get());
        }
    }

    /** Journey settings, with the default customer metrics. */
    public MetricsConfig(
            Optional<LocalDate> from,
            Optional<LocalDate> to,
            SlaPolicy sla,
            Optional<AlertsConfig> alerts,
            JourneyConfig journey) {
        this(from, to, sla, alerts, RfmConfig.defaults(), HealthConfig.defaults(), journey);
    }

    /** The customer and journey metrics with their defaults. */
    public MetricsConfig(
            Optional<LocalDate> from, Optional<LocalDate> to, SlaPolicy sla, Optional<AlertsConfig> alerts) {
        this(from, to, sla, alerts, RfmConfig.defaults(), HealthConfig.defaults(), JourneyConfig.defaults());
    }

    /** A day range and an SLA policy, without the closed loop. */
    public MetricsConfig(Optional<LocalDate> from, Optional<LocalDate> to, SlaPolicy sla) {
        this(from, to, sla, Optional.empty());
    }

    /** A day range with the default SLA policy. */
    public MetricsConfig(Optional<LocalDate> from, Optional<LocalDate> to) {
        this(from, to, SlaPolicy.defaults());
    }

    /** Every day that has data: the default. */
    public static MetricsConfig defaults() {
        return new MetricsConfig(Optional.empty(), Optional.empty());
    }

    /**
     * Reads the section found under {@code key} of the YAML file (already parsed into maps). A
     * missing ({@code null}) section gives the defaults. Errors name the key at fault, e.g.
     * {@code metrics.from}.
     */
    public static MetricsConfig fromMap(Map<String, Object> yaml, String key) {
        requireNonNull(key, "key is null");
        if (yaml == null) {
            return defaults();
        }
        for (String name : yaml.keySet()) {
            if (!KEYS.contains(name)) {
                throw new InvalidConfigException(
                        key + "." + name, "unknown setting; known settings are " + String.join(", ", sorted(KEYS)));
            }
        }
        Optional<LocalDate> from = date(yaml.get(FROM), key + "." + FROM);
        Optional<LocalDate> to = date(yaml.get(TO), key + "." + TO);
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw new InvalidConfigException(
                    key + "." + TO, "is " + to.get() + ", before " + FROM + " " + from.get() + "; swap them");
        }
        checkNps(yaml.get(NPS), key + "." + NPS);
        return new MetricsConfig(
                from,
                to,
                SlaPolicy.fromMap(yaml.get(SLA), key + "." + SLA),
                AlertsConfig.fromMap(yaml.get(ALERTS), key + "." + ALERTS),
                RfmConfig.fromMap(yaml.get(RFM), key + "." + RFM),
                HealthConfig.fromMap(yaml.get(HEALTH), key + "." + HEALTH),
                JourneyConfig.fromMap(yaml.get(JOURNEY), key + "." + JOURNEY));
    }

    /** The first day a run recomputes: the first day of the month of {@code from}, if given. */
    public Optional<LocalDate> firstDayRecomputed() {
        return from.map(day -> day.withDayOfMonth(1));
    }

    /** The last day a run recomputes: the last day of the month of {@code to}, if given. */
    public Optional<LocalDate> lastDayRecomputed() {
        return to.map(day -> day.withDayOfMonth(day.lengthOfMonth()));
    }

    /**
     * The day the customer metrics are computed as of: {@link #lastDayRecomputed()} when {@code
     * to} is set; empty otherwise, meaning the UTC day of the latest interaction in staging (so a
     * rerun over the same data computes the same day).
     */
    public Optional<LocalDate> asOfDay() {
        return lastDayRecomputed();
    }

    private static Optional<LocalDate> date(Object value, String key) {
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof LocalDate date) {
            return Optional.of(date);
        }
        // SnakeYAML turns an unquoted 2024-03-01 into a java.util.Date at midnight UTC.
        if (value instanceof Date date) {
            return Optional.of(date.toInstant().atOffset(ZoneOffset.UTC).toLocalDate());
        }
        if (value instanceof String text) {
            try {
                return Optional.of(LocalDate.parse(text.trim()));
            } catch (DateTimeParseException e) {
                throw new InvalidConfigException(key, "'" + text + "' is not a date; write it as YYYY-MM-DD");
            }
        }
        throw new InvalidConfigException(key, "must be a date written as YYYY-MM-DD, not " + describe(value));
    }

    private static void checkNps(Object value, String key) {
        if (value == null) {
            return;
        }
        if (!(value instanceof Map<?, ?> settings)) {
            throw new InvalidConfigException(key, "must be a map (write {} for the defaults), not " + describe(value));
        }
        for (Object name : settings.keySet()) {
            throw new InvalidConfigException(key + "." + name, "unknown setting; NPS has no settings yet");
        }
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        if (value instanceof Iterable<?>) {
            return "a list";
        }
        return "'" + value + "'";
    }

    private static java.util.List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
