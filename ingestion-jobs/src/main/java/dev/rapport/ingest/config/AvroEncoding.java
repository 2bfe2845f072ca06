package dev.rapport.ingest.config;

import java.util.Locale;

/**
 * How a {@code kafka-avro} source's record values are encoded. Both carry no schema of their own:
 * the writer schema comes from the config ({@code value_schema}), since a schema registry is not
 * part of Rapport's stack.
 */
public enum AvroEncoding {
    /** Plain Avro binary of one datum, nothing before or after it. */
    BINARY,
    /**
     * Avro's single-object encoding: the marker {@code C3 01}, the schema's 8-byte CRC-64-AVRO
     * fingerprint, then the binary datum; a value written with another schema is recognized and
     * quarantined.
     */
    SINGLE_OBJECT;

    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
