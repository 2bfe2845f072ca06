package dev.rapport.identity.match;

import java.util.Objects;

/** An edge of the match graph: two records are the same customer by a rule. A Flink POJO. */
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

    /** This link as made in {@code blockKey}. */
    public Link inBlock(String blockKey) {
        Link link = new Link(fromRecordId, toRecordId, rule, probability);
        link.blockKey = Objects.requireNonNull(blockKey, "blockKey is null");
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
