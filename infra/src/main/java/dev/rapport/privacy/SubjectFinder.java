package dev.rapport.privacy;

import static java.util.Objects.requireNonNull;

import dev.rapport.ingest.normalize.EmailNormalizer;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Finds everything that identifies one person, starting from an email or a customer id: the records
 * with that email's match key, the customers they were resolved to (identity.identity_map), every
 * other record of those customers, and the events linked to any of them (by email, by customer
 * reference, or through metrics.customer_timeline).
 */
public final class SubjectFinder {

    private final RapportCatalog catalog;

    public SubjectFinder(RapportCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** The person with this address; an address that is not valid is an error naming it. */
    public Subject byEmail(String email) {
        EmailNormalizer normalizer = new EmailNormalizer();
        String normalized = normalizer
                .normalize(email)
                .orElseThrow(() -> new IllegalArgumentException("--email '" + email + "' is not a valid address"));
        return find(Set.of(normalizer.key(normalized)), Set.of(normalized), Set.of());
    }

    public Subject byCustomer(String customerId) {
        return find(Set.of(), Set.of(), Set.of(requireNonNull(customerId, "customerId is null")));
    }

    private Subject find(Set<String> seedKeys, Set<String> seedEmails, Set<String> seedCustomers) {
        Set<String> emailKeys = new HashSet<>(seedKeys);
        Set<String> emails = new HashSet<>(seedEmails);
        Set<String> recordIds = new HashSet<>();
        Set<String> customerIds = new HashSet<>(seedCustomers);

        scan(RapportTables.CUSTOMER_RECORDS, row -> {
            if (has(seedKeys, row.getField("email_key"))) {
                recordIds.add((String) row.getField("record_id"));
            }
        });
        scan(RapportTables.IDENTITY_MAP, row -> {
            if (has(recordIds, row.getField("record_id"))) {
                customerIds.add((String) row.getField("customer_id"));
            }
        });
        scan(RapportTables.IDENTITY_MAP, row -> {
            if (has(customerIds, row.getField("customer_id"))) {
                recordIds.add((String) row.getField("record_id"));
            }
        });
        Set<String> recordRefs = new HashSet<>();
        scan(RapportTables.CUSTOMER_RECORDS, row -> {
            if (has(recordIds, row.getField("record_id"))) {
                recordRefs.add(row.getField("source") + ":" + row.getField("source_id"));
                if (row.getField("email_key") instanceof String key) {
                    emailKeys.add(key);
                }
                if (row.getField("email") instanceof String address) {
                    emails.add(address.toLowerCase(Locale.ROOT));
                }
            }
        });

        Set<String> eventIds = new HashSet<>();
        scan(RapportTables.CUSTOMER_TIMELINE, row -> {
            if (has(customerIds, row.getField("customer_id"))) {
                eventIds.add((String) row.getField("event_id"));
            }
        });
        Subject linked =
                new Subject(emailKeys, emails, recordIds, recordRefs, customerIds, eventIds, Set.of(), Set.of());
        Set<String> eventRefs = new HashSet<>();
        Set<String> ticketRefs = new HashSet<>();
        scan(RapportTables.INTERACTIONS, row -> {
            if (linked.holds(row)) {
                eventIds.add((String) row.getField("event_id"));
                eventRefs.add(row.getField("source") + ":" + row.getField("source_event_id"));
                if (row.getField("ticket_id") != null) {
                    ticketRefs.add(row.getField("source") + ":" + row.getField("ticket_id"));
                }
            }
        });
        return new Subject(emailKeys, emails, recordIds, recordRefs, customerIds, eventIds, eventRefs, ticketRefs);
    }

    /** Immutable sets reject a null lookup; a null column matches nothing. */
    private static boolean has(Set<String> values, Object value) {
        return value instanceof String text && values.contains(text);
    }

    private void scan(TableDefinition definition, Consumer<Record> visitor) {
        if (!catalog.exists(definition)) {
            return;
        }
        try (CloseableIterable<Record> rows =
                IcebergGenerics.read(catalog.load(definition)).build()) {
            rows.forEach(visitor);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + definition.qualifiedName(), e);
        }
    }
}
