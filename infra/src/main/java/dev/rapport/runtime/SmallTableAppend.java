package dev.rapport.runtime;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedOutputFile;
import org.apache.iceberg.io.DataWriter;

/**
 * Appends a handful of rows to an unpartitioned bookkeeping table in one commit, from the process
 * that ran a job (no Flink job of its own): how run logs are written, also after a failed run.
 */
public final class SmallTableAppend {

    private SmallTableAppend() {}

    /** Writes {@code rows} (column name to value, Iceberg generic values) as one data file. */
    public static void append(
            CatalogConfig catalog, TableDefinition definition, String filePrefix, List<Map<String, Object>> rows) {
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Table table = tables.ensure(definition);
            EncryptedOutputFile file = table.encryption()
                    .encrypt(table.io()
                            .newOutputFile(table.locationProvider()
                                    .newDataLocation(filePrefix + "-" + UUID.randomUUID() + ".parquet")));
            DataWriter<Record> writer = new GenericAppenderFactory(table.schema(), table.spec())
                    .newDataWriter(file, FileFormat.PARQUET, null);
            try (writer) {
                for (Map<String, Object> values : rows) {
                    Record row = GenericRecord.create(table.schema());
                    values.forEach(row::setField);
                    writer.write(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + definition.qualifiedName(), e);
            }
            table.newAppend().appendFile(writer.toDataFile()).commit();
        }
    }
}
