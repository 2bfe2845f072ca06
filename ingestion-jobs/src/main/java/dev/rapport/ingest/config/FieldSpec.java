package dev.rapport.ingest.config;

import dev.rapport.ingest.normalize.TemporalNormalizer;
import dev.rapport.schemas.config.InvalidConfigException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where one canonical field's value is in a source record: the forms of {@code docs/configuration.md}.
 *
 * <p>Exactly one of {@code column}, {@code constant} and {@code join} is set. A column may be
 * refined by {@code split}/{@code part}, {@code format} (dates and timestamps) or {@code values} (a
 * value map); a join may be refined by {@code values} too (e.g. an event name joined with a flag);
 * {@code default} replaces an empty value and, with {@code values}, one not in the map.
 */
public record FieldSpec(
        String column,
        String constant,
        List<String> join,
        String separator,
        String split,
        Integer part,
        String format,
        Map<String, String> values,
        String defaultValue)
        implements Serializable {

    private static final Set<String> KEYS =
            Set.of("column", "const", "join", "separator", "split", "part", "format", "values", "default");

    public FieldSpec {
        int sources = (column == null ? 0 : 1) + (constant == null ? 0 : 1) + (join == null ? 0 : 1);
        if (sources != 1) {
            throw new IllegalArgumentException("exactly one of column, const and join must be set");
        }
        join = join == null ? null : List.copyOf(join);
        values = values == null ? null : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public static FieldSpec column(String column) {
        return new FieldSpec(column, null, null, null, null, null, null, null, null);
    }

    /** Every source column the spec reads (for checking them against a CSV header). */
    public List<String> columns() {
        if (column != null) {
            return List.of(column);
        }
        return join == null ? List.of() : join;
    }

    /**
     * This spec reading only the columns in {@code available}: a join keeps the columns present; a
     * column spec, or a join with none present, yields null. A constant is kept as is.
     */
    public FieldSpec withColumnsIn(java.util.Collection<String> available) {
        if (column != null) {
            return available.contains(column) ? this : null;
        }
        if (join == null) {
            return this;
        }
        List<String> present = join.stream().filter(available::contains).toList();
        if (present.isEmpty()) {
            return null;
        }
        return new FieldSpec(null, null, present, separator, split, part, format, values, defaultValue);
    }

    /**
     * Parses a spec as YAML gives it: a column name, or a map of one of the forms. Errors name {@code
     * key} (e.g. {@code sources[0].mapping.birth_date}).
     */
    public static FieldSpec parse(Object yaml, FieldType type, String key) {
        if (yaml instanceof String || yaml instanceof Number) {
            String column = yaml.toString().strip();
            if (column.isEmpty()) {
                throw new InvalidConfigException(
                        key, "the column name is empty; give a column name or a map such" + " as {column: Email}");
            }
            return column(column);
        }
        if (!(yaml instanceof Map<?, ?> map)) {
            throw new InvalidConfigException(
                    key,
                    "expected a column name or a map such as {column: Email},"
                            + " {const: value}, {join: [A, B], separator: \" \"}; got " + describe(yaml));
        }
        for (Object k : map.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new InvalidConfigException(
                        key + "." + k,
                        "unknown mapping key; use one of column, const, join, separator, split, part, format,"
                                + " values, default");
            }
        }
        String column = text(map, "column", key);
        String constant = text(map, "const", key);
        List<String> join = null;
        if (map.containsKey("join")) {
            if (!(map.get("join") instanceof List<?> list) || list.isEmpty()) {
                throw new InvalidConfigException(
                        key + ".join", "expected a non-empty list of columns, e.g. [FirstName," + " LastName]");
            }
            join = new ArrayList<>();
            for (Object item : list) {
                if (item == null || item.toString().isBlank()) {
                    throw new InvalidConfigException(key + ".join", "a column name in the list is empty");
                }
                join.add(item.toString().strip());
            }
        }
        int sources = (column == null ? 0 : 1) + (constant == null ? 0 : 1) + (join == null ? 0 : 1);
        if (sources != 1) {
            throw new InvalidConfigException(key, "give exactly one of column, const and join (found " + sources + ")");
        }
        String separator = rawText(map, "separator", key);
        if (separator != null && join == null) {
            throw new InvalidConfigException(key + ".separator", "separator goes with join; use split to cut a column");
        }
        String split = rawText(map, "split", key);
        Integer part = null;
        if (map.containsKey("part")) {
            Object value = map.get("part");
            if (!(value instanceof Number number)
                    || number.intValue() < 0
                    || number.doubleValue() != number.intValue()) {
                throw new InvalidConfigException(key + ".part", "expected a whole number >= 0 (0 is the first part)");
            }
            part = number.intValue();
        }
        if ((split == null) != (part == null)) {
            throw new InvalidConfigException(key, "split and part go together: {column: Name, split: \",\", part: 0}");
        }
        if (split != null && split.isEmpty()) {
            throw new InvalidConfigException(key + ".split", "the separator is empty");
        }
        if (split != null && column == null) {
            throw new InvalidConfigException(key + ".split", "split needs a column");
        }
        String format = text(map, "format", key);
        if (format != null) {
            if (column == null) {
                throw new InvalidConfigException(key + ".format", "format needs a column");
            }
            checkFormat(format, type, key + ".format");
        }
        Map<String, String> values = null;
        if (map.containsKey("values")) {
            if (!(map.get("values") instanceof Map<?, ?> valueMap) || valueMap.isEmpty()) {
                throw new InvalidConfigException(
                        key + ".values",
                        "expected a non-empty map of source value to Rapport value, e.g. {open:" + " email_open}");
            }
            if (column == null && join == null) {
                throw new InvalidConfigException(key + ".values", "values needs a column or a join");
            }
            values = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : valueMap.entrySet()) {
                if (entry.getValue() == null) {
                    throw new InvalidConfigException(key + ".values." + entry.getKey(), "the mapped value is empty");
                }
                values.put(String.valueOf(entry.getKey()), entry.getValue().toString());
            }
        }
        String defaultValue = rawText(map, "default", key);
        if (defaultValue != null && constant != null) {
            throw new InvalidConfigException(key + ".default", "a constant needs no default");
        }
        return new FieldSpec(column, constant, join, separator, split, part, format, values, defaultValue);
    }

    private static void checkFormat(String format, FieldType type, String key) {
        if (type != FieldType.DATE && type != FieldType.TIMESTAMP) {
            throw new InvalidConfigException(key, "format applies only to date and timestamp fields");
        }
        if (TemporalNormalizer.isEpoch(format)) {
            return;
        }
        try {
            TemporalNormalizer.formatter(format);
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigException(
                    key,
                    "not a java.time pattern (" + e.getMessage() + "); e.g. dd.MM.yyyy, epoch_seconds, epoch_millis");
        }
    }

    private static String text(Map<?, ?> map, String name, String key) {
        String value = rawText(map, name, key);
        if (value != null && value.isBlank()) {
            throw new InvalidConfigException(key + "." + name, "the value is empty");
        }
        return value == null ? null : value.strip();
    }

    // Separators keep their spaces: a join separator of " " is the point.
    private static String rawText(Map<?, ?> map, String name, String key) {
        if (!map.containsKey(name)) {
            return null;
        }
        Object value = map.get(name);
        if (value instanceof Map || value instanceof List || value == null) {
            throw new InvalidConfigException(key + "." + name, "expected a single value; got " + describe(value));
        }
        return value.toString();
    }

    private static String describe(Object value) {
        if (value == null) {
            return "nothing";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a map";
        }
        return "'" + value + "'";
    }
}
