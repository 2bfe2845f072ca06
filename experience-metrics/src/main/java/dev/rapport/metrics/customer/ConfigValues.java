package dev.rapport.metrics.customer;

import dev.rapport.schemas.config.InvalidConfigException;

/** Reading numbers of the customer metric sections, with errors that name the key. */
final class ConfigValues {

    private ConfigValues() {}

    static int wholeNumber(Object value, String key, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer number) || number < min || number > max) {
            throw new InvalidConfigException(key, "'" + value + "' must be a whole number from " + min + " to " + max);
        }
        return number;
    }

    static double fraction(Object value, String key, double fallback) {
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Number number)
                || Double.isNaN(number.doubleValue())
                || number.doubleValue() < 0
                || number.doubleValue() > 1) {
            throw new InvalidConfigException(key, "'" + value + "' must be a number from 0 to 1");
        }
        return number.doubleValue();
    }
}
