package dev.rapport.ingest.cdc;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import java.time.Instant;
import java.util.Locale;

/**
 * One Debezium change event, read from its JSON envelope ({@code before}, {@code after}, {@code op},
 * {@code source}, {@code ts_ms}), with or without the converter's {@code {schema, payload}} wrapper.
 *
 * @param operation what happened to the row
 * @param row the row image the mapping reads: {@code after}, or {@code before} for a delete
 * @param changedAt when the change happened in the database ({@code source.ts_ms}, else {@code ts_ms})
 * @param sequence orders changes of one row: the position in the database's log
 *     ({@code source.lsn} for PostgreSQL, binlog file and position for MySQL), else
 *     {@code changedAt}; compared as text
 */
public record ChangeEvent(ChangeOperation operation, JsonNode row, Instant changedAt, String sequence) {

    public ChangeEvent {
        requireNonNull(operation, "operation is null");
        requireNonNull(row, "row is null");
        requireNonNull(changedAt, "changedAt is null");
        requireNonNull(sequence, "sequence is null");
    }

    public boolean isDelete() {
        return operation == ChangeOperation.DELETE;
    }

    /**
     * Reads the envelope of one change event.
     *
     * @throws RecordException {@code MALFORMED_CHANGE_EVENT} naming what is missing or not supported
     */
    public static ChangeEvent parse(JsonNode value) throws RecordException {
        JsonNode envelope = value;
        if (envelope.has("schema")
                && envelope.has("payload")
                && envelope.get("payload").isObject()) {
            envelope = envelope.get("payload");
        }
        String code = text(envelope.get("op"));
        if (code == null) {
            throw malformed("the record is not a Debezium change event: it has no op field");
        }
        ChangeOperation operation = ChangeOperation.of(code);
        if (operation == null) {
            throw malformed("op '" + code + "' is not applied (only c, u, d and r are: a truncate is not replayed"
                    + " row by row)");
        }
        JsonNode row = envelope.get(operation == ChangeOperation.DELETE ? "before" : "after");
        if (row == null || !row.isObject()) {
            throw malformed(
                    operation == ChangeOperation.DELETE
                            ? "a delete event needs the before image of the row (at least its key)"
                            : "a " + operation.name().toLowerCase(Locale.ROOT)
                                    + " event needs the after image of the row");
        }
        JsonNode source = envelope.get("source");
        Long sourceMillis = number(source == null ? null : source.get("ts_ms"));
        Long eventMillis = number(envelope.get("ts_ms"));
        Long millis = sourceMillis != null ? sourceMillis : eventMillis;
        if (millis == null) {
            throw malformed("the change event has neither source.ts_ms nor ts_ms");
        }
        return new ChangeEvent(operation, row, Instant.ofEpochMilli(millis), sequence(source, millis));
    }

    private static String sequence(JsonNode source, long millis) {
        Long lsn = source == null ? null : number(source.get("lsn"));
        if (lsn != null) {
            return "lsn:" + pad(lsn);
        }
        String file = source == null ? null : text(source.get("file"));
        Long position = source == null ? null : number(source.get("pos"));
        if (file != null && position != null) {
            Long row = number(source.get("row"));
            return "binlog:" + file + ":" + pad(position) + ":" + pad(row == null ? 0 : row);
        }
        return "ts:" + pad(millis);
    }

    private static String pad(long value) {
        return String.format(Locale.ROOT, "%020d", value);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Long number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isTextual()) {
            try {
                return Long.parseLong(node.asText());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static RecordException malformed(String message) {
        return new RecordException(ErrorCode.MALFORMED_CHANGE_EVENT, null, message);
    }
}
