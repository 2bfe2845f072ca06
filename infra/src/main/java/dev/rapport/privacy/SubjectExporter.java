package dev.rapport.privacy;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/**
 * The right of access: every row any table holds on a person ({@link Subject#holds}), grouped by
 * table, as plain values ready for JSON (times as ISO-8601 text, decimals as numbers).
 */
public final class SubjectExporter {

    private final RapportCatalog catalog;

    public SubjectExporter(RapportCatalog catalog) {
        this.catalog = requireNonNull(catalog, "catalog is null");
    }

    /** Table name to the person's rows (column to value), for every table that holds any. */
    public Map<String, List<Map<String, Object>>> export(Subject subject) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (TableDefinition definition : RapportTables.all()) {
            if (definition.equals(RapportTables.SUPPRESSIONS) || !catalog.exists(definition)) {
                continue;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (CloseableIterable<Record> records =
                    IcebergGenerics.read(catalog.load(definition)).build()) {
                for (Record row : records) {
                    if (subject.holds(row)) {
                        rows.add(plain(row));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + definition.qualifiedName(), e);
            }
            if (!rows.isEmpty()) {
                tables.put(definition.qualifiedName(), rows);
            }
        }
        return tables;
    }

    /** The customer ids and sources the export covers: its header. */
    public static Map<String, Object> header(Subject subject) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("customer_ids", new TreeSet<>(subject.customerIds()));
        header.put("records", new TreeSet<>(subject.recordRefs()));
        header.put("emails", new TreeSet<>(subject.emails()));
        header.put("events", subject.eventIds().size());
        return header;
    }

    static Map<String, Object> plain(Record row) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Types.NestedField field : row.struct().fields()) {
            values.put(field.name(), plain(row.getField(field.name())));
        }
        return values;
    }

    private static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value instanceof BigDecimal decimal ? decimal : value;
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Record record) {
            return plain(record);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(SubjectExporter::plain).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof ByteBuffer bytes) {
            ByteBuffer copy = bytes.duplicate();
            byte[] raw = new byte[copy.remaining()];
            copy.get(raw);
            return HexFormat.of().formatHex(raw);
        }
        return value.toString();
    }
}
