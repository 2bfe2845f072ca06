package dev.rapport.ingest.config;

import java.util.Locale;

/** File formats a batch source can be read from. */
public enum SourceFormat {
    CSV,
    JSONL,
    AVRO,
    PARQUET;

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
