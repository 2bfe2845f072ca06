package dev.rapport.privacy;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.normalize.EmailNormalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.types.Types;

/**
 * One person as Rapport holds them: every key under which a row of theirs can be found. {@link
 * #holds} decides, from a row's columns alone, whether the row is theirs, so one rule serves every
 * table (a table without any of these columns holds nobody).
 *
 * @param emailKeys email match keys of the person's records (and the one asked for)
 * @param emails the addresses as stored (lower case)
 * @param recordIds staging.customer_records.record_id of the person's records
 * @param recordRefs {@code source:source_id} of those records
 * @param customerIds the resolved customer ids
 * @param eventIds staging.interactions.event_id of the person's events
 * @param eventRefs {@code source:source_event_id} of those events (feeds.alerts keys its rows so)
 * @param ticketRefs {@code source:ticket_id} of the person's support tickets
 */
public record Subject(
        Set<String> emailKeys,
        Set<String> emails,
        Set<String> recordIds,
        Set<String> recordRefs,
        Set<String> customerIds,
        Set<String> eventIds,
        Set<String> eventRefs,
        Set<String> ticketRefs) {

    private static final Pattern EMAIL_IN_TEXT = Pattern.compile("[^\\s,;\"'<>()\\[\\]{}:]+@[^\\s,;\"'<>()\\[\\]{}:]+");

    public Subject {
        emailKeys = Set.copyOf(requireNonNull(emailKeys, "emailKeys is null"));
        emails = Set.copyOf(requireNonNull(emails, "emails is null"));
        recordIds = Set.copyOf(requireNonNull(recordIds, "recordIds is null"));
        recordRefs = Set.copyOf(requireNonNull(recordRefs, "recordRefs is null"));
        customerIds = Set.copyOf(requireNonNull(customerIds, "customerIds is null"));
        eventIds = Set.copyOf(requireNonNull(eventIds, "eventIds is null"));
        eventRefs = Set.copyOf(requireNonNull(eventRefs, "eventRefs is null"));
        ticketRefs = Set.copyOf(requireNonNull(ticketRefs, "ticketRefs is null"));
    }

    /** Whether Rapport holds anything on the person. */
    public boolean isEmpty() {
        return recordIds.isEmpty() && customerIds.isEmpty() && eventIds.isEmpty();
    }

    /** Whether the row is the person's: any of its identifying columns names them. */
    public boolean holds(Record row) {
        Types.StructType columns = row.struct();
        return in(row, columns, "customer_id", customerIds)
                || in(row, columns, "other_customer_id", customerIds)
                || in(row, columns, "record_id", recordIds)
                || in(row, columns, "other_record_id", recordIds)
                || in(row, columns, "email_key", emailKeys)
                || lowerIn(row, columns, "email", emails)
                || in(row, columns, "event_id", eventIds)
                || in(row, columns, "alert_id", eventRefs)
                || in(row, columns, "linked_record", recordRefs)
                || customerRef(row, columns)
                || ticket(row, columns)
                || payload(row, columns);
    }

    private static boolean in(Record row, Types.StructType columns, String column, Set<String> values) {
        return columns.field(column) != null && row.getField(column) instanceof String value && values.contains(value);
    }

    private static boolean lowerIn(Record row, Types.StructType columns, String column, Set<String> values) {
        return columns.field(column) != null
                && row.getField(column) instanceof String value
                && values.contains(value.toLowerCase(Locale.ROOT));
    }

    /** An event or alert that names one of the person's records as its customer. */
    private boolean customerRef(Record row, Types.StructType columns) {
        if (columns.field("customer_ref") == null || !(row.getField("customer_ref") instanceof String ref)) {
            return false;
        }
        Object customerSource = columns.field("customer_source") == null ? null : row.getField("customer_source");
        Object source = customerSource != null ? customerSource : row.getField("source");
        return source != null && recordRefs.contains(source + ":" + ref);
    }

    private boolean ticket(Record row, Types.StructType columns) {
        return columns.field("ticket_id") != null
                && columns.field("source") != null
                && row.getField("ticket_id") != null
                && ticketRefs.contains(row.getField("source") + ":" + row.getField("ticket_id"));
    }

    /** A raw payload (a rejected record) in which any of the person's addresses appears. */
    private boolean payload(Record row, Types.StructType columns) {
        if (columns.field("raw_payload") == null || !(row.getField("raw_payload") instanceof String text)) {
            return false;
        }
        EmailNormalizer normalizer = new EmailNormalizer();
        Matcher matcher = EMAIL_IN_TEXT.matcher(text);
        while (matcher.find()) {
            String candidate = matcher.group().toLowerCase(Locale.ROOT);
            if (emails.contains(candidate)
                    || (normalizer.isValid(candidate) && emailKeys.contains(normalizer.key(candidate)))) {
                return true;
            }
        }
        return false;
    }
}
