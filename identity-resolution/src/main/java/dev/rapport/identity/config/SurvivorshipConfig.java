package dev.rapport.identity.config;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.config.InvalidConfigException;
import java.io.Serializable;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The survivorship policy of the golden record, {@code identity.survivorship} in
 * {@code rapport.yaml}: which rule picks each attribute, and how far each source is trusted.
 *
 * <pre>{@code
 * identity:
 *   survivorship:
 *     source_trust: {erp: 3, crm: 2, shop: 1}  # higher wins; unlisted sources rank 0
 *     default: recency                         # recency | trust (trust, then recency as tie-break)
 *     fields:                                  # the rule of single fields, overriding the default
 *       birth_date: trust
 *       email: recency
 * }</pre>
 *
 * Nothing configured means recency for every field, the behaviour before this setting existed.
 *
 * @param sourceTrust trust by source name, each at least 0; a source not listed has trust 0
 * @param defaultRule the rule of every field not in {@code fieldRules}
 * @param fieldRules the rule of single fields
 */
public record SurvivorshipConfig(
        Map<String, Integer> sourceTrust,
        SurvivorshipRule defaultRule,
        Map<SurvivorshipField, SurvivorshipRule> fieldRules)
        implements Serializable {

    public static final String SOURCE_TRUST = "source_trust";
    public static final String DEFAULT = "default";
    public static final String FIELDS = "fields";

    public static final SurvivorshipRule DEFAULT_DEFAULT = SurvivorshipRule.RECENCY;

    private static final Set<String> KEYS = Set.of(SOURCE_TRUST, DEFAULT, FIELDS);

    public SurvivorshipConfig {
        requireNonNull(sourceTrust, "sourceTrust is null");
        requireNonNull(defaultRule, "defaultRule is null");
        requireNonNull(fieldRules, "fieldRules is null");
        sourceTrust.forEach((source, trust) -> {
            requireNonNull(source, "sourceTrust has a null source");
            requireNonNull(trust, "sourceTrust of " + source + " is null");
            if (source.isBlank()) {
                throw new IllegalArgumentException("sourceTrust has a blank source name");
            }
            if (trust < 0) {
                throw new IllegalArgumentException("trust of source " + source + " must be at least 0, got " + trust);
            }
        });
        sourceTrust = Map.copyOf(sourceTrust);
        fieldRules = Map.copyOf(fieldRules);
    }

    /** Recency for every field, no source trusted above another. */
    public static SurvivorshipConfig defaults() {
        return new SurvivorshipConfig(Map.of(), DEFAULT_DEFAULT, Map.of());
    }

    /** The rule that picks {@code field}. */
    public SurvivorshipRule ruleFor(SurvivorshipField field) {
        return fieldRules.getOrDefault(requireNonNull(field, "field is null"), defaultRule);
    }

    /** How far records of {@code source} are trusted; 0 for a source not listed. */
    public int trustOf(String source) {
        return source == null ? 0 : sourceTrust.getOrDefault(source, 0);
    }

    /**
     * Fails when {@code source_trust} names a source that is not among {@code sources} (the
     * configured source names): such a setting is a typo or outdated, and would silently do nothing.
     *
     * @param key the key of this section, e.g. {@code identity.survivorship}
     */
    public void requireKnownSources(Collection<String> sources, String key) {
        requireNonNull(sources, "sources is null");
        requireNonNull(key, "key is null");
        for (String source : new TreeSet<>(sourceTrust.keySet())) {
            if (!sources.contains(source)) {
                throw new InvalidConfigException(
                        key + "." + SOURCE_TRUST + "." + source,
                        "no source is named '" + source + "'; the configured sources are "
                                + String.join(", ", new TreeSet<>(sources)));
            }
        }
    }

    /** Reads the section under {@code key}; a missing section gives the defaults. */
    public static SurvivorshipConfig fromMap(Object section, String key) {
        requireNonNull(key, "key is null");
        if (section == null) {
            return defaults();
        }
        if (!(section instanceof Map<?, ?> yaml)) {
            throw new InvalidConfigException(
                    key, "must be a section, e.g. {source_trust: {erp: 2, crm: 1}, default: trust}");
        }
        for (Object name : yaml.keySet()) {
            if (!KEYS.contains(String.valueOf(name))) {
                throw new InvalidConfigException(
                        key + "." + name,
                        "unknown setting; known settings are " + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        Map<String, Integer> sourceTrust = yaml.get(SOURCE_TRUST) == null
                ? Map.of()
                : sourceTrust(yaml.get(SOURCE_TRUST), key + "." + SOURCE_TRUST);
        SurvivorshipRule defaultRule =
                yaml.get(DEFAULT) == null ? DEFAULT_DEFAULT : rule(yaml.get(DEFAULT), key + "." + DEFAULT);
        Map<SurvivorshipField, SurvivorshipRule> fieldRules =
                yaml.get(FIELDS) == null ? Map.of() : fieldRules(yaml.get(FIELDS), key + "." + FIELDS);
        return new SurvivorshipConfig(sourceTrust, defaultRule, fieldRules);
    }

    private static Map<String, Integer> sourceTrust(Object value, String key) {
        if (!(value instanceof Map<?, ?> yaml)) {
            throw new InvalidConfigException(
                    key, "must map source names to whole numbers, e.g. {erp: 3, crm: 2}, got '" + value + "'");
        }
        Map<String, Integer> trust = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : yaml.entrySet()) {
            String source = String.valueOf(entry.getKey()).trim();
            String sourceKey = key + "." + entry.getKey();
            if (source.isEmpty()) {
                throw new InvalidConfigException(sourceKey, "a source name is empty");
            }
            Object level = entry.getValue();
            if (!(level instanceof Integer || level instanceof Long)
                    || ((Number) level).longValue() < 0
                    || ((Number) level).longValue() > Integer.MAX_VALUE) {
                throw new InvalidConfigException(
                        sourceKey,
                        "must be a whole number of at least 0 (higher is more trusted), got '" + level + "'");
            }
            trust.put(source, ((Number) level).intValue());
        }
        return trust;
    }

    private static Map<SurvivorshipField, SurvivorshipRule> fieldRules(Object value, String key) {
        if (!(value instanceof Map<?, ?> yaml)) {
            throw new InvalidConfigException(
                    key, "must map fields to rules, e.g. {birth_date: trust}, got '" + value + "'");
        }
        Map<SurvivorshipField, SurvivorshipRule> rules = new EnumMap<>(SurvivorshipField.class);
        for (Map.Entry<?, ?> entry : yaml.entrySet()) {
            String name = String.valueOf(entry.getKey());
            String fieldKey = key + "." + name;
            SurvivorshipField field = SurvivorshipField.fromConfigName(name.trim())
                    .orElseThrow(() -> new InvalidConfigException(
                            fieldKey, "unknown field; known fields are " + SurvivorshipField.known()));
            rules.put(field, rule(entry.getValue(), fieldKey));
        }
        return rules;
    }

    private static SurvivorshipRule rule(Object value, String key) {
        if (!(value instanceof String name)) {
            throw new InvalidConfigException(
                    key, "must be a rule, one of " + SurvivorshipRule.known() + ", got '" + value + "'");
        }
        return SurvivorshipRule.fromConfigName(name.trim())
                .orElseThrow(() -> new InvalidConfigException(
                        key, "unknown rule '" + name + "'; known rules are " + SurvivorshipRule.known()));
    }
}
