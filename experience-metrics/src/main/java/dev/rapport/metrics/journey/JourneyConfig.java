package dev.rapport.metrics.journey;

import dev.rapport.schemas.config.InvalidConfigException;
import java.util.Map;

/**
 * Settings of the journey metrics, the {@code metrics.journey} section of {@code rapport.yaml}:
 *
 * <pre>{@code
 * metrics:
 *   journey:
 *     window_days: 90         # a transition converts when the next stage comes within this many days
 *     churn_after_days: 180   # a buyer with no activity for this many days has churned
 * }</pre>
 *
 * @param windowDays days after the from-stage within which the to-stage counts as converted
 * @param churnAfterDays days without activity after which a customer who bought has churned
 */
public record JourneyConfig(int windowDays, int churnAfterDays) {

    public static final String WINDOW_DAYS = "window_days";
    public static final String CHURN_AFTER_DAYS = "churn_after_days";
    public static final int WINDOW_DAYS_DEFAULT = 90;
    public static final int CHURN_AFTER_DAYS_DEFAULT = 180;
    /** About 100 years: larger values are a typo, and would overflow timestamp arithmetic. */
    public static final int MAX_DAYS = 36_500;

    public JourneyConfig {
        checkDays(windowDays, WINDOW_DAYS);
        checkDays(churnAfterDays, CHURN_AFTER_DAYS);
    }

    public static JourneyConfig defaults() {
        return new JourneyConfig(WINDOW_DAYS_DEFAULT, CHURN_AFTER_DAYS_DEFAULT);
    }

    /** Reads the section under {@code key}; a missing section gives the defaults. */
    public static JourneyConfig fromMap(Object value, String key) {
        if (value == null) {
            return defaults();
        }
        if (!(value instanceof Map<?, ?> section)) {
            throw new InvalidConfigException(key, "must be a map: {window_days: 90, churn_after_days: 180}");
        }
        for (Object name : section.keySet()) {
            if (!WINDOW_DAYS.equals(name) && !CHURN_AFTER_DAYS.equals(name)) {
                throw new InvalidConfigException(
                        key + "." + name,
                        "unknown setting; known settings are " + CHURN_AFTER_DAYS + ", " + WINDOW_DAYS);
            }
        }
        return new JourneyConfig(
                days(section.get(WINDOW_DAYS), WINDOW_DAYS_DEFAULT, key + "." + WINDOW_DAYS),
                days(section.get(CHURN_AFTER_DAYS), CHURN_AFTER_DAYS_DEFAULT, key + "." + CHURN_AFTER_DAYS));
    }

    private static int days(Object value, int fallback, String key) {
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer days)) {
            throw new InvalidConfigException(key, "must be a whole number of days, not '" + value + "'");
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new InvalidConfigException(key, "is " + days + "; write a number of days from 1 to " + MAX_DAYS);
        }
        return days;
    }

    private static void checkDays(int days, String name) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException(name + " must be from 1 to " + MAX_DAYS + ", got " + days);
        }
    }
}
