package dev.rapport.metrics.alert;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/**
 * Who a respondent is and which of their tickets are open, for the closed loop.
 *
 * <p>A customer key is {@code customer_source:customer_ref}. It resolves to a customer through
 * {@code identity.identity_map} ({@code source:source_id}). A ticket is open when its {@code
 * metrics.support_sla} row says {@code status = 'open'}; it belongs to every customer key found on its
 * events in {@code staging.interactions} that are not deleted ({@code deleted_at} null), and so to
 * their customers. A respondent's open tickets
 * are those of their customer (any of the customer's source records) plus those of their own key,
 * written {@code source:ticket_id}, sorted.
 */
public final class OpenTicketIndex {

    /** A customer key's resolved customer. */
    private final Map<String, String> customerOfKey;

    private final Map<String, Set<String>> ticketsOfCustomer;
    private final Map<String, Set<String>> ticketsOfKey;

    private OpenTicketIndex(
            Map<String, String> customerOfKey,
            Map<String, Set<String>> ticketsOfCustomer,
            Map<String, Set<String>> ticketsOfKey) {
        this.customerOfKey = customerOfKey;
        this.ticketsOfCustomer = ticketsOfCustomer;
        this.ticketsOfKey = ticketsOfKey;
    }

    /**
     * @param customerOfKey {@code source:source_id} to customer_id (identity_map)
     * @param openTickets {@code source:ticket_id} of the open tickets
     * @param ownersOfTicket {@code source:ticket_id} to the customer keys on its events
     */
    public static OpenTicketIndex of(
            Map<String, String> customerOfKey, Set<String> openTickets, Map<String, Set<String>> ownersOfTicket) {
        Map<String, Set<String>> ofCustomer = new HashMap<>();
        Map<String, Set<String>> ofKey = new HashMap<>();
        for (String ticket : openTickets) {
            for (String key : ownersOfTicket.getOrDefault(ticket, Set.of())) {
                ofKey.computeIfAbsent(key, k -> new TreeSet<>()).add(ticket);
                String customer = customerOfKey.get(key);
                if (customer != null) {
                    ofCustomer.computeIfAbsent(customer, k -> new TreeSet<>()).add(ticket);
                }
            }
        }
        return new OpenTicketIndex(Map.copyOf(customerOfKey), ofCustomer, ofKey);
    }

    /** Reads the three tables; a table that does not exist yet counts as empty. */
    public static OpenTicketIndex load(CatalogConfig catalog) {
        requireNonNull(catalog, "catalog is null");
        Map<String, String> customerOfKey = new HashMap<>();
        Set<String> open = new TreeSet<>();
        Map<String, Set<String>> owners = new HashMap<>();
        try (RapportCatalog rapport = new RapportCatalog(catalog)) {
            if (rapport.exists(RapportTables.IDENTITY_MAP)) {
                for (Record row : rows(rapport, RapportTables.IDENTITY_MAP, null)) {
                    customerOfKey.put(row.getField("source") + ":" + row.getField("source_id"), (String)
                            row.getField("customer_id"));
                }
            }
            if (rapport.exists(RapportTables.SUPPORT_SLA)) {
                for (Record row : rows(rapport, RapportTables.SUPPORT_SLA, Expressions.equal("status", "open"))) {
                    if ("open".equals(row.getField("status"))) {
                        open.add(row.getField("source") + ":" + row.getField("ticket_id"));
                    }
                }
            }
            if (!open.isEmpty() && rapport.exists(RapportTables.INTERACTIONS)) {
                for (Record row : rows(
                        rapport,
                        RapportTables.INTERACTIONS,
                        Expressions.and(
                                Expressions.and(
                                        Expressions.equal("category", "support"), Expressions.isNull("deleted_at")),
                                Expressions.and(
                                        Expressions.notNull("ticket_id"), Expressions.notNull("customer_ref"))))) {
                    String ticket = row.getField("source") + ":" + row.getField("ticket_id");
                    // A deleted event names no owner, as it counts in no metric.
                    if (open.contains(ticket)
                            && "support".equals(row.getField("category"))
                            && row.getField("deleted_at") == null
                            && row.getField("customer_ref") != null) {
                        Object customerSource = row.getField("customer_source");
                        String key = (customerSource != null ? customerSource : row.getField("source")) + ":"
                                + row.getField("customer_ref");
                        owners.computeIfAbsent(ticket, k -> new TreeSet<>()).add(key);
                    }
                }
            }
        }
        return of(customerOfKey, open, owners);
    }

    private static List<Record> rows(
            RapportCatalog rapport,
            dev.rapport.schemas.table.TableDefinition table,
            org.apache.iceberg.expressions.Expression filter) {
        IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(rapport.load(table));
        if (filter != null) {
            scan = scan.where(filter);
        }
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = scan.build()) {
            for (Record record : records) {
                // The filter prunes files; callers check each row again.
                rows.add(record.copy());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + table.qualifiedName(), e);
        }
        return rows;
    }

    /** The customer of {@code customerSource:customerRef}, if identity resolution knows it. */
    public Optional<String> customerOf(String customerSource, String customerRef) {
        if (customerSource == null || customerRef == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(customerOfKey.get(customerSource + ":" + customerRef));
    }

    /** The open tickets of the respondent, sorted. */
    public List<String> openTickets(String customerSource, String customerRef) {
        if (customerSource == null || customerRef == null) {
            return List.of();
        }
        String key = customerSource + ":" + customerRef;
        Set<String> tickets = new TreeSet<>(ticketsOfKey.getOrDefault(key, Set.of()));
        customerOf(customerSource, customerRef)
                .ifPresent(customer -> tickets.addAll(ticketsOfCustomer.getOrDefault(customer, Set.of())));
        return List.copyOf(tickets);
    }
}
