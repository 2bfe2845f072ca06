package dev.rapport.ingest.config;

import dev.rapport.schemas.config.InvalidConfigException;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The keys of a source's {@code options}, their defaults and their checks. */
public final class SourceOptions {

    public static final String DELIMITER = "delimiter";
    public static final String QUOTE = "quote";
    public static final String HEADER = "header";
    public static final String ENCODING = "encoding";
    public static final String TIMEZONE = "timezone";
    public static final String DEFAULT_COUNTRY = "default_country";

    private static final Set<String> CSV_ONLY = Set.of(DELIMITER, QUOTE, HEADER);
    private static final List<String> ALL = List.of(DELIMITER, QUOTE, HEADER, ENCODING, TIMEZONE, DEFAULT_COUNTRY);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private SourceOptions() {}

    static Map<String, String> parse(Object yaml, SourceFormat format, String key) {
        if (yaml == null) {
            return Map.of();
        }
        if (!(yaml instanceof Map<?, ?> map)) {
            throw new InvalidConfigException(key, "expected a map of options, e.g. {delimiter: \";\"}");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String name = String.valueOf(entry.getKey());
            String optionKey = key + "." + name;
            if (!ALL.contains(name)) {
                throw new InvalidConfigException(optionKey, "unknown option; use one of " + String.join(", ", ALL));
            }
            if (CSV_ONLY.contains(name) && format != SourceFormat.CSV) {
                throw new InvalidConfigException(optionKey, "applies to csv sources only, not " + format.configName());
            }
            if (entry.getValue() == null || entry.getValue() instanceof Map || entry.getValue() instanceof List) {
                throw new InvalidConfigException(optionKey, "expected a single value");
            }
            String value = entry.getValue().toString();
            options.put(name, check(name, value, optionKey));
        }
        return options;
    }

    private static String check(String name, String value, String key) {
        switch (name) {
            case DELIMITER, QUOTE:
                String character = value.equals("\\t") || value.equalsIgnoreCase("tab") ? "\t" : value;
                if (character.length() != 1) {
                    throw new InvalidConfigException(key, "expected one character, e.g. \",\" or \";\" (tab: \"\\t\")");
                }
                return character;
            case HEADER:
                String flag = value.strip().toLowerCase(Locale.ROOT);
                if (!flag.equals("true") && !flag.equals("false")) {
                    throw new InvalidConfigException(key, "expected true or false");
                }
                return flag;
            case ENCODING:
                try {
                    return Charset.forName(value.strip()).name();
                } catch (IllegalArgumentException e) {
                    throw new InvalidConfigException(
                            key, "'" + value + "' is not a known encoding; use e.g. UTF-8, windows-1251, ISO-8859-2");
                }
            case TIMEZONE:
                SourceConfig.checkZone(value.strip(), key);
                return value.strip();
            case DEFAULT_COUNTRY:
                String country = value.strip().toUpperCase(Locale.ROOT);
                if (!COUNTRIES.contains(country)) {
                    throw new InvalidConfigException(
                            key, "'" + value + "' is not an ISO 3166-1 alpha-2 country code; use e.g. RS, US, DE");
                }
                return country;
            default:
                throw new IllegalStateException("unchecked option " + name);
        }
    }
}
