package dev.rapport.identity.config;

import dev.rapport.schemas.config.InvalidConfigException;
import java.io.Serializable;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Settings of probabilistic (Fellegi-Sunter) matching, {@code identity.probabilistic} in
 * {@code rapport.yaml}.
 *
 * <pre>{@code
 * identity:
 *   probabilistic:
 *     enabled: true        # default true
 *     threshold: 0.95      # link pairs whose match probability is at least this
 *     max_block_size: 1000 # a candidate block larger than this is not compared, and is counted
 *     window: 20           # a block of more than 2 x window records is compared in windows: each
 *                          # record against its next 20 in an order that puts one person's records
 *                          # together (BlockOrder), so comparisons grow linearly with records
 *     conflict_override: 0.995  # clearly different birth dates or national ids veto a link unless
 *                               # the other fields alone reach this match probability
 *     model: estimate      # estimate m and u in this run (default), or reuse the last estimated model
 * }</pre>
 *
 * @param threshold the match probability (0 to 1) above which two records are one customer: at
 *     0.95, about one link in twenty is expected to be wrong before the guards apply
 * @param conflictOverride the match probability that the fields other than a clearly different
 *     birth date or national id must reach, on their own, for the pair to link despite the conflict
 * @param window how many of its successors each record of a large candidate block is compared
 *     with; blocks of at most twice this many records are compared in full
 * @param model whether a full run estimates the model or applies the one in {@code identity.match_model};
 *     incremental runs always apply the stored one
 */
public record ProbabilisticConfig(
        boolean enabled, double threshold, int maxBlockSize, double conflictOverride, Model model, int window)
        implements Serializable {

    /** Where a run's Fellegi-Sunter model comes from. */
    public enum Model {
        /** Estimated by this run over its candidate pairs, and stored in {@code identity.match_model}. */
        ESTIMATE,
        /** The one the last estimating run stored in {@code identity.match_model}. */
        REUSE;

        public String configName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final String ENABLED = "enabled";
    public static final String THRESHOLD = "threshold";
    public static final String MAX_BLOCK_SIZE = "max_block_size";
    public static final String CONFLICT_OVERRIDE = "conflict_override";
    public static final String MODEL = "model";
    public static final String WINDOW = "window";

    public static final boolean ENABLED_DEFAULT = true;
    public static final double THRESHOLD_DEFAULT = 0.95;
    public static final int MAX_BLOCK_SIZE_DEFAULT = 1000;
    public static final double CONFLICT_OVERRIDE_DEFAULT = 0.995;
    public static final Model MODEL_DEFAULT = Model.ESTIMATE;
    public static final int WINDOW_DEFAULT = 20;

    private static final Set<String> KEYS =
            Set.of(ENABLED, THRESHOLD, MAX_BLOCK_SIZE, CONFLICT_OVERRIDE, MODEL, WINDOW);

    public ProbabilisticConfig {
        java.util.Objects.requireNonNull(model, "model is null");
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("threshold must be between 0 and 1 (exclusive), got " + threshold);
        }
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("maxBlockSize must be at least 2, got " + maxBlockSize);
        }
        if (!(conflictOverride > 0 && conflictOverride < 1)) {
            throw new IllegalArgumentException(
                    "conflictOverride must be between 0 and 1 (exclusive), got " + conflictOverride);
        }
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1, got " + window);
        }
    }

    /** With the default window. */
    public ProbabilisticConfig(
            boolean enabled, double threshold, int maxBlockSize, double conflictOverride, Model model) {
        this(enabled, threshold, maxBlockSize, conflictOverride, model, WINDOW_DEFAULT);
    }

    /** With the default conflict override. */
    public ProbabilisticConfig(boolean enabled, double threshold, int maxBlockSize) {
        this(enabled, threshold, maxBlockSize, CONFLICT_OVERRIDE_DEFAULT);
    }

    /** Estimating the model. */
    public ProbabilisticConfig(boolean enabled, double threshold, int maxBlockSize, double conflictOverride) {
        this(enabled, threshold, maxBlockSize, conflictOverride, MODEL_DEFAULT);
    }

    public static ProbabilisticConfig defaults() {
        return new ProbabilisticConfig(ENABLED_DEFAULT, THRESHOLD_DEFAULT, MAX_BLOCK_SIZE_DEFAULT);
    }

    public static ProbabilisticConfig fromMap(Object section, String key) {
        if (section == null) {
            return defaults();
        }
        if (!(section instanceof Map<?, ?> yaml)) {
            throw new InvalidConfigException(key, "must be a section, e.g. {enabled: true, threshold: 0.95}");
        }
        for (Object name : yaml.keySet()) {
            if (!KEYS.contains(String.valueOf(name))) {
                throw new InvalidConfigException(
                        key + "." + name,
                        "unknown setting; known settings are " + String.join(", ", new TreeSet<>(KEYS)));
            }
        }
        boolean enabled = ConfigValues.bool(yaml, ENABLED, key, ENABLED_DEFAULT);
        double threshold = THRESHOLD_DEFAULT;
        if (yaml.containsKey(THRESHOLD)) {
            Object value = yaml.get(THRESHOLD);
            if (!(value instanceof Number number) || !(number.doubleValue() > 0 && number.doubleValue() < 1)) {
                throw new InvalidConfigException(
                        key + "." + THRESHOLD,
                        "must be a match probability between 0 and 1 (e.g. 0.95), got '" + value + "'");
            }
            threshold = number.doubleValue();
        }
        int maxBlockSize = ConfigValues.wholeNumber(yaml, MAX_BLOCK_SIZE, key, 2, 100_000, MAX_BLOCK_SIZE_DEFAULT);
        double conflictOverride = CONFLICT_OVERRIDE_DEFAULT;
        if (yaml.containsKey(CONFLICT_OVERRIDE)) {
            Object value = yaml.get(CONFLICT_OVERRIDE);
            if (!(value instanceof Number number) || !(number.doubleValue() > 0 && number.doubleValue() < 1)) {
                throw new InvalidConfigException(
                        key + "." + CONFLICT_OVERRIDE,
                        "must be a match probability between 0 and 1 (e.g. 0.995), got '" + value + "'");
            }
            conflictOverride = number.doubleValue();
        }
        Model model = MODEL_DEFAULT;
        if (yaml.containsKey(MODEL)) {
            Object value = yaml.get(MODEL);
            model = java.util.Arrays.stream(Model.values())
                    .filter(candidate -> candidate.configName().equals(String.valueOf(value)))
                    .findFirst()
                    .orElseThrow(() -> new InvalidConfigException(
                            key + "." + MODEL, "must be estimate or reuse, got '" + value + "'"));
        }
        int window = ConfigValues.wholeNumber(yaml, WINDOW, key, 1, 10_000, WINDOW_DEFAULT);
        return new ProbabilisticConfig(enabled, threshold, maxBlockSize, conflictOverride, model, window);
    }
}
