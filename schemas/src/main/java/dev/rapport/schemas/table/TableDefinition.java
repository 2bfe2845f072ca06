package dev.rapport.schemas.table;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.function.Function;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * Everything Rapport fixes about one Iceberg table: its name, schema (with identifier fields for
 * upserts), partition spec, sort order, what one row means and the table properties it sets beside
 * the catalog-wide ones (a table that lacks one of them gets it; a value a user set stays).
 */
public record TableDefinition(
        TableIdentifier identifier,
        Schema schema,
        PartitionSpec spec,
        SortOrder sortOrder,
        String grain,
        Map<String, String> properties) {

    public TableDefinition {
        requireNonNull(identifier, "identifier is null");
        requireNonNull(schema, "schema is null");
        requireNonNull(spec, "spec is null");
        requireNonNull(sortOrder, "sortOrder is null");
        requireNonNull(grain, "grain is null");
        properties = Map.copyOf(requireNonNull(properties, "properties is null"));
    }

    /** A definition with no table properties of its own. */
    public TableDefinition(
            TableIdentifier identifier, Schema schema, PartitionSpec spec, SortOrder sortOrder, String grain) {
        this(identifier, schema, spec, sortOrder, grain, Map.of());
    }

    /** This definition with {@code more} added to its table properties. */
    public TableDefinition withProperties(Map<String, String> more) {
        Map<String, String> merged = new java.util.HashMap<>(properties);
        merged.putAll(more);
        return new TableDefinition(identifier, schema, spec, sortOrder, grain, merged);
    }

    public static TableDefinition of(
            String namespace,
            String name,
            Schema schema,
            Function<PartitionSpec.Builder, PartitionSpec.Builder> partitioning,
            Function<SortOrder.Builder, SortOrder.Builder> sorting,
            String grain) {
        PartitionSpec spec =
                partitioning.apply(PartitionSpec.builderFor(schema)).build();
        SortOrder sortOrder = sorting.apply(SortOrder.builderFor(schema)).build();
        return new TableDefinition(TableIdentifier.of(namespace, name), schema, spec, sortOrder, grain);
    }

    /** The name as SQL writes it, e.g. {@code staging.customer_records}. */
    public String qualifiedName() {
        return identifier.toString();
    }

    /** Names of the identifier fields, the natural key that upserts use. */
    public java.util.List<String> identifierFieldNames() {
        return schema.identifierFieldNames().stream().sorted().toList();
    }
}
