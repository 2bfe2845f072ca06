package dev.rapport.ingest.map;

import dev.rapport.ingest.config.FieldSpec;
import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import java.util.ArrayList;
import java.util.List;

/** Applies one mapping form to a source row and yields the field's text (trimmed), or null when empty. */
public final class FieldReader {

    private FieldReader() {}

    public static String read(String field, FieldSpec spec, SourceRow row) throws RecordException {
        if (spec.constant() != null) {
            return spec.constant();
        }
        String value;
        if (spec.join() != null) {
            List<String> parts = new ArrayList<>();
            for (String column : spec.join()) {
                String part = blankToNull(row.get(column));
                if (part != null) {
                    parts.add(part);
                }
            }
            value = parts.isEmpty() ? null : String.join(spec.separator() == null ? " " : spec.separator(), parts);
        } else {
            value = blankToNull(row.get(spec.column()));
        }
        if (value != null && spec.split() != null) {
            value = blankToNull(part(value, spec.split(), spec.part()));
        }
        if (spec.values() != null && value != null) {
            String mapped = spec.values().get(value);
            if (mapped == null && spec.defaultValue() == null) {
                throw new RecordException(
                        ErrorCode.VALUE_NOT_IN_MAP,
                        field,
                        field + ": the value of "
                                + (spec.join() != null ? "columns " + spec.join() : "column " + spec.column())
                                + " is not in the mapping's values ("
                                + String.join(", ", spec.values().keySet()) + ") and there is no default");
            }
            return mapped == null ? spec.defaultValue() : mapped;
        }
        return value == null ? spec.defaultValue() : value;
    }

    /** The {@code index}-th part of {@code value} split at each {@code separator} (literal), or null. */
    static String part(String value, String separator, int index) {
        int start = 0;
        for (int i = 0; i < index; i++) {
            int next = value.indexOf(separator, start);
            if (next < 0) {
                return null;
            }
            start = next + separator.length();
        }
        int end = value.indexOf(separator, start);
        return end < 0 ? value.substring(start) : value.substring(start, end);
    }

    private static String blankToNull(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!Character.isWhitespace(value.charAt(0)) && !Character.isWhitespace(value.charAt(value.length() - 1))) {
            return value; // nothing to strip: the usual case, without scanning the value
        }
        String stripped = value.strip();
        return stripped.isEmpty() ? null : stripped;
    }
}
