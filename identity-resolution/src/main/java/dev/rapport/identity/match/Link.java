package dev.rapport.identity.match;

import java.util.Objects;

/**
 * An edge of the match graph: two records are the same customer by a rule, with what the rule saw
 * (the evidence {@code identity.match_evidence} shows). The evidence is kept as small arrays and an
 * enum, turned into words only when the row is written. A Flink POJO.
 *
 * <p>Equality is the edge and its probability; the evidence follows from the records compared.
 */
public class Link {

    public String fromRecordId;
    public String toRecordId;
    /** The {@link dev.rapport.identity.config.MatchRule#configName()} that made the link. */
    public String rule;
    /** The match probability: 1 for a deterministic rule. */
    public double probability = 1.0;
    /**
     * The block the link was made in (as {@link dev.rapport.identity.block.BlockingKey#key}), or
     * null for a probabilistic link; not part of equality: the same edge can come from two blocks.
     */
    public String blockKey;

    /**
     * Probabilistic links: the comparison level of each {@link dev.rapport.identity.compare.MatchField},
     * by ordinal. Null for deterministic links.
     */
    public byte[] levels;
    /**
     * Probabilistic links: the Fellegi-Sunter match weight log2(m/u) of each field's level, by
     * ordinal (0 for a missing value). Null for deterministic links.
     */
    public double[] weights;
    /**
     * Probabilistic links: log2 of the prior odds lambda / (1 - lambda). It and the weights add up to
     * the log2 odds of {@link #probability}.
     */
    public double priorWeight;
    /** Deterministic links: how the name guard judged the two records' names. Null for probabilistic links. */
    public NameCheck nameCheck;

    public Link() {}

    public Link(String fromRecordId, String toRecordId, String rule) {
        this(fromRecordId, toRecordId, rule, 1.0);
    }

    public Link(String fromRecordId, String toRecordId, String rule, double probability) {
        this.fromRecordId = Objects.requireNonNull(fromRecordId, "fromRecordId is null");
        this.toRecordId = Objects.requireNonNull(toRecordId, "toRecordId is null");
        this.rule = Objects.requireNonNull(rule, "rule is null");
        this.probability = probability;
    }

    /** A deterministic link and how the name guard judged its names. */
    public static Link deterministic(String fromRecordId, String toRecordId, String rule, NameCheck nameCheck) {
        Link link = new Link(fromRecordId, toRecordId, rule);
        link.nameCheck = Objects.requireNonNull(nameCheck, "nameCheck is null");
        return link;
    }

    /**
     * A probabilistic link with its levels and weights; {@code weights} is not copied (links of one
     * comparison pattern share it) and must not be changed.
     */
    public static Link probabilistic(
            String fromRecordId,
            String toRecordId,
            String rule,
            double probability,
            byte[] levels,
            double[] weights,
            double priorWeight) {
        Link link = new Link(fromRecordId, toRecordId, rule, probability);
        link.levels = Objects.requireNonNull(levels, "levels is null");
        link.weights = Objects.requireNonNull(weights, "weights is null");
        if (levels.length != weights.length) {
            throw new IllegalArgumentException("one weight per level expected");
        }
        link.priorWeight = priorWeight;
        return link;
    }

    /** This link as made in {@code blockKey}. */
    public Link inBlock(String blockKey) {
        Link link = withoutBlock();
        link.blockKey = Objects.requireNonNull(blockKey, "blockKey is null");
        return link;
    }

    /** This link with its evidence detail, made in no particular block. */
    public Link withoutBlock() {
        Link link = new Link(fromRecordId, toRecordId, rule, probability);
        link.levels = levels;
        link.weights = weights;
        link.priorWeight = priorWeight;
        link.nameCheck = nameCheck;
        return link;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Link that
                && Objects.equals(fromRecordId, that.fromRecordId)
                && Objects.equals(toRecordId, that.toRecordId)
                && Objects.equals(rule, that.rule)
                && probability == that.probability;
    }

    @Override
    public int hashCode() {
        return Objects.hash(fromRecordId, toRecordId, rule);
    }

    @Override
    public String toString() {
        return fromRecordId + " -" + rule + "-> " + toRecordId;
    }
}
