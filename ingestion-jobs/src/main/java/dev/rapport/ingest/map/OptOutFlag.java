package dev.rapport.ingest.map;

import dev.rapport.ingest.reject.ErrorCode;
import dev.rapport.ingest.reject.RecordException;
import java.util.Locale;
import java.util.Set;

/**
 * Reads an opt-out column as CRMs export it: true for {@code true, yes, y, 1, x} (Salesforce's
 * checkbox columns export as 1/0 or true/false, some exports mark a set flag with an x), false for
 * {@code false, no, n, 0}, null for an empty cell; any other text rejects the record, naming the
 * field, rather than guessing which way the person chose.
 */
public final class OptOutFlag {

    private static final Set<String> TRUE = Set.of("true", "yes", "y", "1", "x");
    private static final Set<String> FALSE = Set.of("false", "no", "n", "0");

    private OptOutFlag() {}

    public static Boolean read(String text, String field) throws RecordException {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(value)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(value)) {
            return Boolean.FALSE;
        }
        throw new RecordException(
                ErrorCode.INVALID_BOOLEAN,
                field,
                field + " '" + text.strip() + "' is not a yes/no value (true/false, yes/no, 1/0, x or empty)");
    }
}
