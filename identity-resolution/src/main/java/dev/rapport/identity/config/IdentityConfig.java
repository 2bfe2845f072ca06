package dev.rapport.identity.config;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.config.InvalidConfigException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Settings of identity resolution, the {@code identity} section of {@code rapport.yaml}.
 *
 * <pre>{@code
 * identity:
 *   rules: [email, phone, source_customer_ref]  # deterministic rules, in order of preference
 *   max_block_size: 50                          # a shared identifier held by more records links none of them
 *   generic_mailboxes: [info, office, sales]    # local parts of shared mailboxes that never link
 *   probabilistic: {enabled: true, threshold: 0.95}  # see ProbabilisticConfig
 *   survivorship: {source_trust: {erp: 2, crm: 1}, default: trust}  # see SurvivorshipConfig
 *   max_cluster_size: 50  # a link that would give a customer more records is refused and counted
 *   incremental: false   # true: scheduled runs match only what changed since the previous run
 * }</pre>
 *
 * <p>{@code incremental} decides how {@code rapport run} and {@code rapport resolve} resolve; it is
 * not part of {@link dev.rapport.identity.incremental.ResolutionSettings}: an incremental run
 * gives the same result as a full one with the same model, so switching it keeps the stored state.
 */
public record IdentityConfig(
        List<MatchRule> rules,
        int maxBlockSize,
        Set<String> genericMailboxes,
        ProbabilisticConfig probabilistic,
        SurvivorshipConfig survivorship,
        boolean incremental,
        int maxClusterSize)
        implements Serializable {

    public static final String RULES = "rules";
    public static final String MAX_BLOCK_SIZE = "max_block_size";
    public static final String GENERIC_MAILBOXES = "generic_mailboxes";
    public static final String PROBABILISTIC = "probabilistic";
    public static final String SURVIVORSHIP = "survivorship";
    public static final String INCREMENTAL = "incremental";
    public static final String MAX_CLUSTER_SIZE = "max_cluster_size";
    public static final int MAX_CLUSTER_SIZE_DEFAULT = 50;

    public static final List<MatchRule> RULES_DEFAULT =
            List.of(MatchRule.EMAIL, MatchRule.PHONE, MatchRule.SOURCE_CUSTOMER_REF);
    public static final int MAX_BLOCK_SIZE_DEFAULT = 50;
    public static final Set<String> GENERIC_MAILBOXES_DEFAULT = Set.of(
            "info",
            "office",
            "sales",
            "support",
            "contact",
            "admin",
            "hello",
            "team",
            "kontakt",
            "billing",
            "noreply",
            "no-reply",
            "mail",
            "service",
            "accounts",
            "accounting",
            "orders",
            "marketing",
            "hr",
            "jobs",
            "post",
            "biuro",
            "kancelarija",
            "prodaja");

    private static final Set<String> KEYS = Set.of(
            RULES, MAX_BLOCK_SIZE, GENERIC_MAILBOXES, PROBABILISTIC, SURVIVORSHIP, INCREMENTAL, MAX_CLUSTER_SIZE);

    public IdentityConfig {
        requireNonNull(rules, "rules is null");
        requireNonNull(genericMailboxes, "genericMailboxes is null");
        requireNonNull(probabilistic, "probabilistic is null");
        requireNonNull(survivorship, "survivorship is null");
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("rules is empty");
        }
        if (new LinkedHashSet<>(rules).size() != rules.size()) {
            throw new IllegalArgumentException("rules has duplicates: " + rules);
        }
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("maxBlockSize must be at least 2, got " + maxBlockSize);
        }
        if (maxClusterSize < 2) {
            throw new IllegalArgumentException("maxClusterSize must be at least 2, got " + maxClusterSize);
        }
        rules = List.copyOf(rules);
        genericMailboxes = genericMailboxes.stream()
                .map(mailbox -> mailbox.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Full runs unless asked otherwise. */
    public IdentityConfig(
            List<MatchRule> rules,
            int maxBlockSize,
            Set<String> genericMailboxes,
            ProbabilisticConfig probabilistic,
            SurvivorshipConfig survivorship) {
        this(rules, maxBlockSize, genericMailboxes, probabilistic, survivorship, false, MAX_CLUSTER_SIZE_DEFAULT);
    }

    /** With the default survivorship (the most recent value of every field). */
    public IdentityConfig(
            List<MatchRule> rules, int maxBlockSize, Set<String> genericMailboxes, ProbabilisticConfig probabilistic) {
        this(rules, maxBlockSize, genericMailboxes, probabilistic, SurvivorshipConfig.defaults());
    }

    /** With the default probabilistic matching and survivorship. */
    public IdentityConfig(List<MatchRule> rules, int maxBlockSize, Set<String> genericMailboxes) {
        this(rules, maxBlockSize, genericMailboxes, ProbabilisticConfig.defaults());
    }

    public static IdentityConfig defaults() {
        return new IdentityConfig(RULES_DEFAULT, MAX_BLOCK_SIZE_DEFAULT, GENERIC_MAILBOXES_DEFAULT);
    }

    /**
     * Reads the section found under {@code key} of the YAML file (already parsed into maps). A
     * missing or empty section gives the defaults. Errors name the key at fault, e.g.
     * {@code identity.rules[1]}.
     */
    public static IdentityConfig fromMap(Map<String, Object> yaml, String key) {
        requireNonNull(key, "key is null");
        if (yaml == null || yaml.isEmpty()) {
            return defaults();
        }
        for (String name : yaml.keySet()) {
            if (!KEYS.contains(name)) {
                throw new InvalidConfigException(
                        key + "." + name,
                        "unknown setting; known settings are " + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        List<MatchRule> rules = yaml.containsKey(RULES) ? rules(yaml.get(RULES), key + "." + RULES) : RULES_DEFAULT;
        int maxBlockSize = yaml.containsKey(MAX_BLOCK_SIZE)
                ? maxBlockSize(yaml.get(MAX_BLOCK_SIZE), key + "." + MAX_BLOCK_SIZE)
                : MAX_BLOCK_SIZE_DEFAULT;
        Set<String> mailboxes = yaml.containsKey(GENERIC_MAILBOXES)
                ? mailboxes(yaml.get(GENERIC_MAILBOXES), key + "." + GENERIC_MAILBOXES)
                : GENERIC_MAILBOXES_DEFAULT;
        ProbabilisticConfig probabilistic =
                ProbabilisticConfig.fromMap(yaml.get(PROBABILISTIC), key + "." + PROBABILISTIC);
        SurvivorshipConfig survivorship = SurvivorshipConfig.fromMap(yaml.get(SURVIVORSHIP), key + "." + SURVIVORSHIP);
        boolean incremental = ConfigValues.bool(yaml, INCREMENTAL, key, false);
        int maxClusterSize =
                ConfigValues.wholeNumber(yaml, MAX_CLUSTER_SIZE, key, 2, 1_000_000, MAX_CLUSTER_SIZE_DEFAULT);
        return new IdentityConfig(
                rules, maxBlockSize, mailboxes, probabilistic, survivorship, incremental, maxClusterSize);
    }

    /** Whether the local part of an email (before the {@code @}) is a shared mailbox. */
    public boolean isGenericMailbox(String localPart) {
        return genericMailboxes.contains(localPart.toLowerCase(Locale.ROOT));
    }

    private static List<MatchRule> rules(Object value, String key) {
        List<?> items = list(value, key);
        if (items.isEmpty()) {
            throw new InvalidConfigException(key, "is empty; name at least one of " + knownRules());
        }
        List<MatchRule> rules = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemKey = key + "[" + i + "]";
            Object item = items.get(i);
            if (!(item instanceof String name)) {
                throw new InvalidConfigException(itemKey, "must be a rule name, one of " + knownRules());
            }
            MatchRule rule = MatchRule.fromConfigName(name.trim())
                    .orElseThrow(() -> new InvalidConfigException(
                            itemKey, "unknown rule '" + name + "'; known rules are " + knownRules()));
            if (rules.contains(rule)) {
                throw new InvalidConfigException(itemKey, "rule '" + name + "' is listed twice");
            }
            rules.add(rule);
        }
        return rules;
    }

    private static int maxBlockSize(Object value, String key) {
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new InvalidConfigException(key, "must be a whole number of at least 2, got '" + value + "'");
        }
        long size = ((Number) value).longValue();
        if (size < 2 || size > 100_000) {
            throw new InvalidConfigException(key, "must be between 2 and 100000, got " + size);
        }
        return (int) size;
    }

    private static Set<String> mailboxes(Object value, String key) {
        List<?> items = list(value, key);
        Set<String> mailboxes = new LinkedHashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (!(item instanceof String mailbox) || mailbox.isBlank() || mailbox.contains("@")) {
                throw new InvalidConfigException(
                        key + "[" + i + "]", "must be the local part of an address (e.g. info), got '" + item + "'");
            }
            mailboxes.add(mailbox.trim());
        }
        return mailboxes;
    }

    private static List<?> list(Object value, String key) {
        if (!(value instanceof List<?> items)) {
            throw new InvalidConfigException(key, "must be a list, e.g. [a, b], got '" + value + "'");
        }
        return items;
    }

    private static String knownRules() {
        return Arrays.stream(MatchRule.values()).map(MatchRule::configName).collect(Collectors.joining(", "));
    }
}
