package dev.rapport.ingest.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.rapport.schemas.config.InvalidConfigException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mappings of well-known exports (Salesforce, HubSpot, SendGrid, Mailchimp, a generic ERP), kept as
 * YAML resources under {@code dev/rapport/ingest/presets}: a source names one with {@code preset:}
 * and may override its kind, format, options and single mapping fields.
 */
public final class MappingPresets {

    private static final String FOLDER = "/dev/rapport/ingest/presets/";
    private static final Set<String> PRESET_KEYS = Set.of("description", "kind", "format", "options", "mapping");

    private MappingPresets() {}

    /** The names of every preset, in the order of the index. */
    public static List<String> names() {
        try (InputStream in = MappingPresets.class.getResourceAsStream(FOLDER + "index.txt")) {
            if (in == null) {
                throw new IllegalStateException("the preset index " + FOLDER + "index.txt is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The preset's YAML (kind, format, options, mapping).
     *
     * @throws InvalidConfigException at {@code key} naming the source and the known presets when there
     *     is no such preset
     */
    public static Map<String, Object> load(String preset, String sourceName, String key) {
        requireNonNull(preset, "preset is null");
        if (!names().contains(preset)) {
            throw new InvalidConfigException(
                    key,
                    "source '" + sourceName + "': unknown preset '" + preset + "'; the presets are "
                            + String.join(", ", names()));
        }
        try (InputStream in = MappingPresets.class.getResourceAsStream(FOLDER + preset + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("preset " + preset + " is in the index but has no file");
            }
            Map<String, Object> yaml =
                    new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<Map<String, Object>>() {});
            if (!PRESET_KEYS.containsAll(yaml.keySet())) {
                throw new IllegalStateException("preset " + preset + " has keys other than " + PRESET_KEYS);
            }
            return yaml;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read preset " + preset, e);
        }
    }

    /**
     * The source entry with the preset filled in: kind and format from the preset unless the source
     * gives them, options merged (the source's win), mapping merged field by field (the source's win;
     * a field set to nothing, {@code email: ~}, is removed).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> apply(Map<String, Object> preset, Map<String, Object> source) {
        Map<String, Object> merged = new LinkedHashMap<>(source);
        merged.remove("preset");
        for (String key : List.of("kind", "format")) {
            if (source.get(key) == null && preset.get(key) != null) {
                merged.put(key, preset.get(key));
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        if (preset.get("options") instanceof Map<?, ?> presetOptions) {
            options.putAll((Map<String, Object>) presetOptions);
        }
        if (source.get("options") instanceof Map<?, ?> sourceOptions) {
            options.putAll((Map<String, Object>) sourceOptions);
        } else if (source.get("options") != null) {
            merged.put("options", source.get("options")); // not a map: let the options check report it
            options = null;
        }
        if (options != null && !options.isEmpty()) {
            merged.put("options", options);
        }
        Map<String, Object> mapping = new LinkedHashMap<>();
        if (preset.get("mapping") instanceof Map<?, ?> presetMapping) {
            mapping.putAll((Map<String, Object>) presetMapping);
        }
        if (source.get("mapping") instanceof Map<?, ?> sourceMapping) {
            for (Map.Entry<?, ?> field : sourceMapping.entrySet()) {
                if (field.getValue() == null) {
                    mapping.remove(String.valueOf(field.getKey()));
                } else {
                    mapping.put(String.valueOf(field.getKey()), field.getValue());
                }
            }
        } else if (source.get("mapping") != null) {
            return merged; // not a map: let the mapping check report it
        }
        merged.put("mapping", mapping);
        return merged;
    }
}
