package dev.rapport.explain;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.expressions.Expression;
import org.apache.iceberg.expressions.Expressions;
import org.apache.iceberg.io.CloseableIterable;

/** Reads what {@link CustomerExplanation} needs from the identity tables of a catalog. */
public final class CustomerExplainer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private final CatalogConfig catalog;

    public CustomerExplainer(CatalogConfig catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** The customer of a source record, if the record was resolved. */
    public Optional<String> customerOf(String source, String sourceId) {
        List<Record> rows = read(
                RapportTables.IDENTITY_MAP,
                Expressions.and(Expressions.equal("source", source), Expressions.equal("source_id", sourceId)));
        return rows.stream().map(row -> (String) row.getField("customer_id")).findFirst();
    }

    /** The explanation, or empty when no record belongs to the customer. */
    public Optional<String> explain(String customerId) {
        List<Record> mapped = read(RapportTables.IDENTITY_MAP, Expressions.equal("customer_id", customerId));
        if (mapped.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, String>> details = details(
                mapped.stream().map(row -> (String) row.getField("record_id")).toList());
        List<CustomerExplanation.Member> members = new ArrayList<>();
        for (Record row : mapped) {
            String recordId = (String) row.getField("record_id");
            members.add(new CustomerExplanation.Member(
                    recordId,
                    (String) row.getField("source"),
                    (String) row.getField("source_id"),
                    details.getOrDefault(recordId, Map.of())));
        }
        List<CustomerExplanation.Link> links = new ArrayList<>();
        for (Record row : read(RapportTables.MATCH_EVIDENCE, Expressions.equal("customer_id", customerId))) {
            links.add(new CustomerExplanation.Link(
                    (String) row.getField("record_id"),
                    (String) row.getField("other_record_id"),
                    (String) row.getField("match_rule"),
                    (Double) row.getField("probability"),
                    stringMap(row.getField("field_levels")),
                    doubleMap(row.getField("field_weights")),
                    (Double) row.getField("prior_weight"),
                    (Double) row.getField("total_weight")));
        }
        List<Record> events = read(
                RapportTables.IDENTITY_HISTORY,
                Expressions.or(
                        Expressions.equal("customer_id", customerId),
                        Expressions.equal("other_customer_id", customerId)));
        events.sort(Comparator.comparing(row -> (OffsetDateTime) row.getField("event_time")));
        List<CustomerExplanation.Change> history = new ArrayList<>();
        for (Record row : events) {
            history.add(new CustomerExplanation.Change(
                    WHEN.format((OffsetDateTime) row.getField("event_time")),
                    (String) row.getField("event"),
                    (String) row.getField("customer_id"),
                    (String) row.getField("other_customer_id"),
                    (String) row.getField("reason")));
        }
        return Optional.of(CustomerExplanation.explain(customerId, members, links, history));
    }

    /** The details a link's explanation quotes, per record id, from {@code staging.customer_records}. */
    private Map<String, Map<String, String>> details(List<String> recordIds) {
        Map<String, Map<String, String>> details = new HashMap<>();
        for (Record row : read(RapportTables.CUSTOMER_RECORDS, Expressions.in("record_id", recordIds.toArray()))) {
            Map<String, String> values = new HashMap<>();
            LinkWording.DETAIL_COLUMNS.forEach((field, column) -> {
                Object value = row.getField(column);
                if (value != null) {
                    values.put(field, value.toString());
                }
            });
            details.put((String) row.getField("record_id"), values);
        }
        return details;
    }

    private static Map<String, String> stringMap(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, String> map = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((key, level) -> map.put(key.toString(), level.toString()));
        return map;
    }

    private static Map<String, Double> doubleMap(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, Double> map = new LinkedHashMap<>();
        ((Map<?, ?>) value).forEach((key, weight) -> map.put(key.toString(), (Double) weight));
        return map;
    }

    private List<Record> read(TableDefinition table, Expression filter) {
        List<Record> rows = new ArrayList<>();
        try (RapportCatalog tables = new RapportCatalog(catalog);
                CloseableIterable<Record> records =
                        IcebergGenerics.read(tables.ensure(table)).where(filter).build()) {
            for (Record record : records) {
                if (matches(record, filter)) {
                    rows.add(record.copy());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    /** IcebergGenerics prunes files by the filter but may return other rows of a matching file. */
    private static boolean matches(Record record, Expression filter) {
        return new org.apache.iceberg.expressions.Evaluator(record.struct(), filter).eval(record);
    }
}
