package dev.rapport.schemas.table;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.flink.TableLoader;

/** Opens Rapport's catalog and makes sure its tables exist with the definitions in {@link RapportTables}. */
public final class RapportCatalog implements AutoCloseable {

    private static final Map<String, String> TABLE_PROPERTIES = Map.of(
            TableProperties.FORMAT_VERSION, "2",
            TableProperties.PARQUET_COMPRESSION, "zstd",
            TableProperties.DEFAULT_FILE_FORMAT, "parquet");

    private final CatalogConfig config;
    private final Catalog catalog;

    public RapportCatalog(CatalogConfig config) {
        this.config = requireNonNull(config, "config is null");
        this.catalog = config.catalogLoader().loadCatalog();
    }

    public CatalogConfig config() {
        return config;
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * Creates the table if it is missing; otherwise adds any columns the definition has that the table
     * lacks (schema changes are additive, so data written before stays readable).
     */
    public Table ensure(TableDefinition definition) {
        Namespace namespace = definition.identifier().namespace();
        if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(namespace)) {
            try {
                namespaces.createNamespace(namespace);
            } catch (org.apache.iceberg.exceptions.AlreadyExistsException raced) {
                // another job created it first
            }
        }
        if (!catalog.tableExists(definition.identifier())) {
            try {
                return catalog.buildTable(definition.identifier(), definition.schema())
                        .withPartitionSpec(definition.spec())
                        .withSortOrder(definition.sortOrder())
                        .withProperties(TABLE_PROPERTIES)
                        .withProperties(definition.properties())
                        .create();
            } catch (org.apache.iceberg.exceptions.AlreadyExistsException raced) {
                // fall through and evolve
            }
        }
        Table table = catalog.loadTable(definition.identifier());
        SchemaEvolution.apply(table, definition.schema());
        addMissingProperties(table, definition.properties());
        return table;
    }

    /** Sets the properties the table lacks (a table created by an earlier release); set ones stay. */
    private static void addMissingProperties(Table table, Map<String, String> properties) {
        Map<String, String> missing = new java.util.TreeMap<>(properties);
        missing.keySet().removeAll(table.properties().keySet());
        if (missing.isEmpty()) {
            return;
        }
        org.apache.iceberg.UpdateProperties update = table.updateProperties();
        missing.forEach(update::set);
        try {
            update.commit();
        } catch (org.apache.iceberg.exceptions.CommitFailedException raced) {
            // another job changed the table's metadata at the same moment; the next run sets them
        }
    }

    public Table load(TableDefinition definition) {
        return catalog.loadTable(definition.identifier());
    }

    public boolean exists(TableDefinition definition) {
        return catalog.tableExists(definition.identifier());
    }

    /** A loader for Flink's Iceberg source and sink. */
    public TableLoader tableLoader(TableDefinition definition) {
        return TableLoader.fromCatalog(config.catalogLoader(), definition.identifier());
    }

    @Override
    public void close() {
        if (catalog instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (Exception e) {
                throw new IllegalStateException("could not close the catalog", e);
            }
        }
    }
}
