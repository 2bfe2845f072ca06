package dev.rapport.identity.config;

import dev.rapport.schemas.config.InvalidConfigException;
import java.util.Map;

/** Reads one optional setting of a parsed YAML section, with an error that names its key. */
final class ConfigValues {

    private ConfigValues() {}

    /** {@code yaml.get(name)} as true or false, or {@code fallback} when the setting is absent. */
    static boolean bool(Map<?, ?> yaml, String name, String key, boolean fallback) {
        if (!yaml.containsKey(name)) {
            return fallback;
        }
        if (!(yaml.get(name) instanceof Boolean value)) {
            throw new InvalidConfigException(key + "." + name, "must be true or false, got '" + yaml.get(name) + "'");
        }
        return value;
    }

    /** {@code yaml.get(name)} as a whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    static int wholeNumber(Map<?, ?> yaml, String name, String key, int min, int max, int fallback) {
        if (!yaml.containsKey(name)) {
            return fallback;
        }
        Object value = yaml.get(name);
        if (!(value instanceof Integer || value instanceof Long)
                || ((Number) value).longValue() < min
                || ((Number) value).longValue() > max) {
            throw new InvalidConfigException(
                    key + "." + name,
                    "must be a whole number between " + min + " and " + max + ", got '" + value + "'");
        }
        return ((Number) value).intValue();
    }
}
