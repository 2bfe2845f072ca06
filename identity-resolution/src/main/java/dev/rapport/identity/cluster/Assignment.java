package dev.rapport.identity.cluster;

import java.util.Objects;

/** A source record assigned to its customer: one row of {@code identity.identity_map}. A Flink POJO. */
public class Assignment {

    public static final String SINGLETON = "singleton";

    public String recordId;
    public String source;
    public String sourceId;
    public String customerId;
    /** The rule of the link that joined the record to its customer, or {@link #SINGLETON}. */
    public String matchRule;
    /** The probability of the best link of {@link #matchRule}: 1 for deterministic rules and singletons. */
    public double probability = 1.0;

    public Assignment() {}

    public Assignment(String recordId, String source, String sourceId, String customerId, String matchRule) {
        this.recordId = Objects.requireNonNull(recordId, "recordId is null");
        this.source = Objects.requireNonNull(source, "source is null");
        this.sourceId = Objects.requireNonNull(sourceId, "sourceId is null");
        this.customerId = Objects.requireNonNull(customerId, "customerId is null");
        this.matchRule = Objects.requireNonNull(matchRule, "matchRule is null");
    }

    public Assignment(
            String recordId, String source, String sourceId, String customerId, String matchRule, double probability) {
        this(recordId, source, sourceId, customerId, matchRule);
        this.probability = probability;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Assignment that
                && Objects.equals(recordId, that.recordId)
                && Objects.equals(source, that.source)
                && Objects.equals(sourceId, that.sourceId)
                && Objects.equals(customerId, that.customerId)
                && Objects.equals(matchRule, that.matchRule)
                && probability == that.probability;
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordId, customerId);
    }

    @Override
    public String toString() {
        return source + "/" + sourceId + " (" + recordId + ") -> " + customerId + " by " + matchRule;
    }
}
