package dev.rapport.identity.match;

import java.util.Objects;

/** A link with the customer its two records belong to: one row of {@code identity.match_evidence}. A Flink POJO. */
public class Evidence {

    public String customerId;
    public String recordId;
    public String otherRecordId;
    public String rule;
    public double probability = 1.0;
    /** See {@link Link#levels}. */
    public byte[] levels;
    /** See {@link Link#weights}. */
    public double[] weights;
    /** See {@link Link#priorWeight}. */
    public double priorWeight;
    /** See {@link Link#nameCheck}. */
    public NameCheck nameCheck;

    public Evidence() {}

    public Evidence(String customerId, Link link) {
        this.customerId = Objects.requireNonNull(customerId, "customerId is null");
        this.recordId = link.fromRecordId;
        this.otherRecordId = link.toRecordId;
        this.rule = link.rule;
        this.probability = link.probability;
        this.levels = link.levels;
        this.weights = link.weights;
        this.priorWeight = link.priorWeight;
        this.nameCheck = link.nameCheck;
    }

    @Override
    public String toString() {
        return customerId + ": " + recordId + " -" + rule + "-> " + otherRecordId;
    }
}
