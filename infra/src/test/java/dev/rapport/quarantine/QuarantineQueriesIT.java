package dev.rapport.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.sql.QueryResult;
import dev.rapport.sql.SqlRunner;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quarantine queries run through Flink SQL on a real embedded catalog (slow: a SQL planner per query). */
class QuarantineQueriesIT {

    private static final String ID_1 = "0123456789abcdef0123456789abcdef";
    private static final String ID_2 = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path dir;

    @Test
    void listFiltersBySourceAndShowReturnsThePayload() throws Exception {
        CatalogConfig catalog = CatalogConfig.embedded(dir);
        write(catalog, reject(ID_1, "esp", "email-events/0/17", "{\"id\": "), reject(ID_2, "crm", "crm.csv:3", "x"));
        SqlRunner sql = new SqlRunner(catalog, 1);

        QueryResult esp = sql.query(QuarantineQueries.list("esp", 10));
        assertThat(esp.columns()).containsExactly("reject_id", "source", "location", "error_code", "field", "message");
        assertThat(esp.rows()).hasSize(1);
        assertThat(esp.rows().get(0).subList(0, 4)).containsExactly(ID_1, "esp", "email-events/0/17", "MALFORMED_JSON");
        assertThat(sql.query(QuarantineQueries.list(null, 10)).rows()).hasSize(2);

        QueryResult shown = sql.query(QuarantineQueries.show(ID_1.toUpperCase(java.util.Locale.ROOT)));
        assertThat(shown.rows()).hasSize(1);
        assertThat(shown.rows().get(0).get(shown.columns().indexOf("raw_payload")))
                .isEqualTo("{\"id\": ");
    }

    private Record reject(String id, String source, String location, String payload) {
        Record row = GenericRecord.create(RapportTables.REJECTED.schema());
        row.setField("reject_id", id);
        row.setField("source", source);
        row.setField("location", location);
        row.setField("raw_payload", payload);
        row.setField("error_code", "MALFORMED_JSON");
        row.setField("message", "the record is not valid JSON");
        row.setField("rejected_at", OffsetDateTime.parse("2024-03-01T10:00:00Z"));
        row.setField("ingest_run_id", "run-1");
        return row;
    }

    private static void write(CatalogConfig catalog, Record... rows) throws Exception {
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            Table table = tables.ensure(RapportTables.REJECTED);
            for (Record row : List.of(rows)) {
                DataWriter<Record> writer = new GenericAppenderFactory(table.schema(), table.spec())
                        .newDataWriter(
                                table.encryption()
                                        .encrypt(table.io()
                                                .newOutputFile(table.locationProvider()
                                                        .newDataLocation(
                                                                table.spec(),
                                                                partition(table, row),
                                                                UUID.randomUUID() + ".parquet"))),
                                FileFormat.PARQUET,
                                partition(table, row));
                try (writer) {
                    writer.write(row);
                }
                table.newAppend().appendFile(writer.toDataFile()).commit();
            }
        }
    }

    private static org.apache.iceberg.PartitionKey partition(Table table, Record row) {
        org.apache.iceberg.PartitionKey key = new org.apache.iceberg.PartitionKey(table.spec(), table.schema());
        key.partition(
                new org.apache.iceberg.data.InternalRecordWrapper(table.schema().asStruct()).wrap(row));
        return key;
    }
}
