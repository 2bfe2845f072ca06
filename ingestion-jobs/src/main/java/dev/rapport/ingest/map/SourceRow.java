package dev.rapport.ingest.map;

/** A parsed source record that mappings read columns from. */
public interface SourceRow {

    /** The column's value as text, or null when the record has no such column or it is null. */
    String get(String column);
}
