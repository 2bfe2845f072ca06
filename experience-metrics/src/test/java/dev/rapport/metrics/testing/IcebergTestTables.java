package dev.rapport.metrics.testing;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.encryption.EncryptedFiles;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.DataWriter;

/** Writes fixture rows into Rapport's Iceberg tables and reads tables back, without Flink. */
public final class IcebergTestTables {

    private IcebergTestTables() {}

    /** Appends rows (column name to value; instants for timestamps) in one commit. */
    public static void append(CatalogConfig catalog, TableDefinition definition, List<Map<String, Object>> rows) {
        try (RapportCatalog rapport = new RapportCatalog(catalog)) {
            Table table = rapport.ensure(definition);
            InternalRecordWrapper wrapper =
                    new InternalRecordWrapper(table.schema().asStruct());
            Map<PartitionKey, List<Record>> byPartition = new LinkedHashMap<>();
            for (Map<String, Object> row : rows) {
                Record record = GenericRecord.create(table.schema());
                row.forEach((column, value) -> record.setField(
                        column, value instanceof Instant instant ? instant.atOffset(ZoneOffset.UTC) : value));
                PartitionKey key = new PartitionKey(table.spec(), table.schema());
                key.partition(wrapper.wrap(record));
                byPartition.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
            }
            GenericAppenderFactory factory = new GenericAppenderFactory(table.schema(), table.spec());
            AppendFiles append = table.newAppend();
            for (Map.Entry<PartitionKey, List<Record>> partition : byPartition.entrySet()) {
                String location = table.locationProvider()
                        .newDataLocation(table.spec(), partition.getKey(), UUID.randomUUID() + ".parquet");
                DataWriter<Record> writer = factory.newDataWriter(
                        EncryptedFiles.plainAsEncryptedOutput(table.io().newOutputFile(location)),
                        FileFormat.PARQUET,
                        partition.getKey());
                try (writer) {
                    partition.getValue().forEach(writer::write);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                append.appendFile(writer.toDataFile());
            }
            append.commit();
        }
    }

    /** Every row of a table, as column name to value (timestamps as OffsetDateTime). */
    public static List<Map<String, Object>> read(CatalogConfig catalog, TableDefinition definition) {
        try (RapportCatalog rapport = new RapportCatalog(catalog);
                CloseableIterable<Record> records =
                        IcebergGenerics.read(rapport.load(definition)).build()) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Record record : records) {
                Map<String, Object> row = new HashMap<>();
                record.struct().fields().forEach(field -> row.put(field.name(), record.getField(field.name())));
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A staging.interactions row: the event's own columns plus the bookkeeping ones. */
    public static Map<String, Object> interaction(
            String eventId, String source, String category, String eventType, Instant time) {
        Map<String, Object> row = new HashMap<>();
        row.put("event_id", eventId);
        row.put("source", source);
        row.put("source_event_id", eventId);
        row.put("category", category);
        row.put("event_type", eventType);
        row.put("event_time", time);
        row.put("source_location", "fixture:" + eventId);
        row.put("ingested_at", time);
        row.put("ingest_run_id", "fixture");
        return row;
    }
}
