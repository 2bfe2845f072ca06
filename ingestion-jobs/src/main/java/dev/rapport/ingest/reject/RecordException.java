package dev.rapport.ingest.reject;

import static java.util.Objects.requireNonNull;

/**
 * An expected per-record failure: the record is quarantined with this code, field and message.
 * Messages name the field and what was wrong, never the raw value (that is in the payload column).
 */
public final class RecordException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String field;

    public RecordException(ErrorCode code, String field, String message) {
        super(requireNonNull(message, "message is null"), null, false, false);
        this.code = requireNonNull(code, "code is null");
        this.field = field;
    }

    public ErrorCode code() {
        return code;
    }

    /** The canonical field at fault, or null when the whole record is. */
    public String field() {
        return field;
    }
}
