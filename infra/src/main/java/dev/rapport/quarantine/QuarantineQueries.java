package dev.rapport.quarantine;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SQL behind {@code rapport quarantine list|show}. Values are checked against the shapes they
 * can have (a source name, a hex reject id) before they enter the query text, so no user input can
 * change the query.
 */
public final class QuarantineQueries {

    private static final Pattern SOURCE = Pattern.compile("[a-z][a-z0-9_-]{0,62}");
    private static final Pattern REJECT_ID = Pattern.compile("[0-9a-f]{32}");

    private QuarantineQueries() {}

    /** Rejects, newest run first, without the raw payload (it can be long and holds personal data). */
    public static String list(String source, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1");
        }
        String where = "";
        if (source != null) {
            if (!SOURCE.matcher(source).matches()) {
                throw new IllegalArgumentException("'" + source + "' is not a source name");
            }
            where = " WHERE source = '" + source + "'";
        }
        return "SELECT reject_id, source, location, error_code, field, message FROM quarantine.rejected" + where
                + " ORDER BY rejected_at DESC, source, location LIMIT " + limit;
    }

    /** One reject with every column, its raw payload included. */
    public static String show(String rejectId) {
        String id = rejectId.strip().toLowerCase(Locale.ROOT);
        if (!REJECT_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "'" + rejectId + "' is not a reject id (32 hex digits, as 'rapport quarantine list' shows)");
        }
        return "SELECT reject_id, source, location, error_code, field, message, rejected_at, ingest_run_id,"
                + " raw_payload FROM quarantine.rejected WHERE reject_id = '" + id + "'";
    }
}
