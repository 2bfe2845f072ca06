package dev.rapport.ingest.config;

/** How the text a mapping yields is read into a canonical field. */
public enum FieldType {
    TEXT,
    DATE,
    TIMESTAMP,
    DECIMAL,
    INTEGER,
    BOOLEAN
}
