package dev.rapport.crosscheck;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetWriter;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.parquet.Parquet;

/**
 * Copies the current rows of one Rapport table into a single plain Parquet file, for a second
 * engine to read. The rows are read through Iceberg's reader (position and equality deletes
 * applied, the table's current snapshot), never by listing the table's data files, and written
 * with the table's schema (timestamps with a zone stay UTC instants).
 */
public final class ParquetExport {

    private ParquetExport() {}

    /** Writes the table's rows to {@code file} (replaced if present) and returns how many. */
    public static long export(CatalogConfig catalog, TableDefinition definition, Path file) throws IOException {
        Files.deleteIfExists(file);
        try (RapportCatalog rapport = new RapportCatalog(catalog)) {
            Table table = rapport.load(definition);
            long rows = 0;
            try (CloseableIterable<Record> records = IcebergGenerics.read(table).build();
                    FileAppender<Record> writer = Parquet.write(org.apache.iceberg.Files.localOutput(file.toFile()))
                            .schema(table.schema())
                            .createWriterFunc(GenericParquetWriter::create)
                            .build()) {
                for (Record record : records) {
                    writer.add(record);
                    rows++;
                }
            }
            return rows;
        }
    }
}
