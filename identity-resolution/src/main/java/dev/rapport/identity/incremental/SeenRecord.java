package dev.rapport.identity.incremental;

/**
 * One row of {@code identity.resolution_state}: a record as the previous run saw it, with one of
 * the blocks it joined (null for a record in no block). A Flink POJO.
 */
public class SeenRecord {

    public String recordId;
    /** Microseconds since the epoch; null if the record had none. */
    public Long ingestedAt;

    public String blockKey;
    /** {@link RecordFingerprint} of the record as seen; null if the run did not store one. */
    public String fingerprint;

    public SeenRecord() {}

    public SeenRecord(String recordId, Long ingestedAt, String blockKey, String fingerprint) {
        this.recordId = java.util.Objects.requireNonNull(recordId, "recordId is null");
        this.ingestedAt = ingestedAt;
        this.blockKey = blockKey;
        this.fingerprint = fingerprint;
    }
}
