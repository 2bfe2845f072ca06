package dev.rapport.ingest.read;

/**
 * One record as a file holds it, before mapping. A Flink POJO (public fields, no-arg constructor) so
 * it is serialized without Kryo.
 *
 * <p>CSV records carry their {@code values} (and the header's {@code columns}, null without a header);
 * JSON lines, Avro and Parquet records carry a JSON document in {@code payload}. {@code error} is set
 * when the reader already knows the record is malformed (a CSV row with the wrong number of fields).
 */
public final class RawRecord {

    /** The file's full path: with {@code position}, orders records the same way in every run. */
    public String file;

    /** Line (CSV, JSON lines) or record number (Avro, Parquet), 1-based. */
    public long position;

    /** {@code name:line} or {@code name:record N}, for people and for the quarantine. */
    public String location;

    /**
     * The record's text: a JSON line, an Avro or Parquet record rendered as JSON, a malformed CSV
     * row. Null for a well-formed CSV row, whose text is rendered from {@code values} only if it is
     * quarantined (rendering every row cost more than parsing it).
     */
    public String payload;

    public String[] columns;

    public String[] values;

    public String error;

    /**
     * The {@code ErrorCode} name for {@code error}; null means a malformed CSV row (the only reader
     * error before Kafka Avro values).
     */
    public String errorCode;

    public RawRecord() {}

    public static RawRecord of(String file, long position, String location, String payload) {
        RawRecord record = new RawRecord();
        record.file = file;
        record.position = position;
        record.location = location;
        record.payload = payload;
        return record;
    }

    /** Sorts records by file, then position; equal for the same record in every run. */
    public String orderKey() {
        // Zero-padded by hand: String.format showed up in profiles at millions of records.
        String digits = Long.toString(position);
        StringBuilder key = new StringBuilder(file.length() + 20).append(file).append('\u0000');
        for (int i = digits.length(); i < 19; i++) {
            key.append('0');
        }
        return key.append(digits).toString();
    }
}
