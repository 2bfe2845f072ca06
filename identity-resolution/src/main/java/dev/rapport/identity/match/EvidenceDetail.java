package dev.rapport.identity.match;

import dev.rapport.identity.compare.MatchField;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The per-field columns of an {@code identity.match_evidence} row, from the arrays a link carries.
 *
 * <p>Probabilistic links: every {@link MatchField} by its {@link MatchField#column()}, with its
 * {@link MatchField#levelCode level} and its weight; {@code total_weight = prior_weight + sum of the
 * field weights}, the log2 odds of the probability. Deterministic links: the identifier the rule
 * matched on (its rule name, e.g. {@code email}) at level {@code exact}, and {@code name} at the name
 * guard's {@link NameCheck}; they have no weights.
 */
public final class EvidenceDetail {

    /** The key of the name guard's result among a deterministic link's levels. */
    public static final String NAME = "name";

    private EvidenceDetail() {}

    /** Field to level, in {@link MatchField} order; empty for a link without recorded evidence. */
    public static Map<String, String> levels(Evidence evidence) {
        Map<String, String> levels = new LinkedHashMap<>();
        if (evidence.levels != null) {
            for (MatchField field : MatchField.values()) {
                levels.put(field.column(), field.levelCode(evidence.levels[field.ordinal()]));
            }
        } else if (evidence.nameCheck != null) {
            levels.put(evidence.rule, "exact");
            levels.put(NAME, evidence.nameCheck.code());
        }
        return Collections.unmodifiableMap(levels);
    }

    /** Field to weight for a probabilistic link; null for a deterministic one. */
    public static Map<String, Double> weights(Evidence evidence) {
        if (evidence.weights == null) {
            return null;
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        for (MatchField field : MatchField.values()) {
            weights.put(field.column(), evidence.weights[field.ordinal()]);
        }
        return Collections.unmodifiableMap(weights);
    }

    /** The prior weight of a probabilistic link; null for a deterministic one. */
    public static Double priorWeight(Evidence evidence) {
        return evidence.weights == null ? null : evidence.priorWeight;
    }

    /** {@code prior_weight} plus every field's weight; null for a deterministic link. */
    public static Double totalWeight(Evidence evidence) {
        if (evidence.weights == null) {
            return null;
        }
        double total = evidence.priorWeight;
        for (double weight : evidence.weights) {
            total += weight;
        }
        return total;
    }
}
