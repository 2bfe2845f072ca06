package dev.rapport.ingest.config;

import java.util.Locale;

/** Formats a source can be read from: files (batch) or a Kafka topic (streaming). */
public enum SourceFormat {
    CSV,
    JSONL,
    AVRO,
    PARQUET,
    /** A Kafka topic whose record values are JSON objects, read continuously. */
    KAFKA_JSON,
    /** A Kafka topic whose record values are Avro binary of a writer schema given in the config. */
    KAFKA_AVRO,
    /** A Kafka topic of Debezium change events (JSON, with or without the schema wrapper). */
    KAFKA_DEBEZIUM,
    /** A database table read through JDBC (a snapshot, incremental on a cursor column). */
    JDBC;

    /** The name as the config file writes it: {@code kafka-json}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** True for a topic (an unbounded, streaming source), false for files. */
    public boolean isKafka() {
        return this == KAFKA_JSON || this == KAFKA_AVRO || this == KAFKA_DEBEZIUM;
    }
}
