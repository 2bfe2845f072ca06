package dev.rapport.ingest.cdc;

/** What a Debezium change event did to its row ({@code op}: c, u, d, r). */
public enum ChangeOperation {
    /** {@code c}: a row was inserted. */
    CREATE,
    /** {@code u}: a row was updated. */
    UPDATE,
    /** {@code d}: a row was deleted; only the {@code before} image is left. */
    DELETE,
    /** {@code r}: a row read by the connector's initial snapshot. */
    READ;

    /** The operation of Debezium's {@code op} code, or null for an unknown code (and {@code t}, truncate). */
    static ChangeOperation of(String code) {
        if (code == null) {
            return null;
        }
        return switch (code) {
            case "c" -> CREATE;
            case "u" -> UPDATE;
            case "d" -> DELETE;
            case "r" -> READ;
            default -> null;
        };
    }
}
