package dev.rapport.identity.profile;

import dev.rapport.identity.record.ResolutionRecord;

/** A source record with the customer it belongs to. A Flink POJO. */
public class AssignedRecord {

    public String customerId;
    public ResolutionRecord record;

    public AssignedRecord() {}

    public AssignedRecord(String customerId, ResolutionRecord record) {
        this.customerId = java.util.Objects.requireNonNull(customerId, "customerId is null");
        this.record = java.util.Objects.requireNonNull(record, "record is null");
    }
}
