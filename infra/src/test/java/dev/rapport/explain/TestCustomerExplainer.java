package dev.rapport.explain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.RapportTables;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.Table;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.InternalRecordWrapper;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.DataWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CustomerExplainer} reads the evidence columns and the records' details from a real embedded catalog. */
class TestCustomerExplainer {

    private static final OffsetDateTime WHEN = OffsetDateTime.parse("2024-06-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aProbabilisticLinkIsExplainedFieldByFieldWithTheRecordsValues() throws IOException {
        CatalogConfig catalog = CatalogConfig.embedded(dir);
        try (RapportCatalog tables = new RapportCatalog(catalog)) {
            write(tables, RapportTables.CUSTOMER_RECORDS, record("r1", "crm", "123", "Ann", "Leeds"));
            write(tables, RapportTables.CUSTOMER_RECORDS, record("r2", "erp", "A-9", "Anne", "York"));
            write(tables, RapportTables.IDENTITY_MAP, mapped("r1", "crm", "123"), mapped("r2", "erp", "A-9"));
            Map<String, String> levels = new LinkedHashMap<>();
            levels.put("given_name", "close_or_nickname");
            levels.put("family_name", "exact");
            levels.put("city", "different");
            levels.put("phone", "missing");
            Map<String, Double> weights = new LinkedHashMap<>();
            weights.put("given_name", 3.2);
            weights.put("family_name", 6.0);
            weights.put("city", -2.4);
            weights.put("phone", 0.0);
            Record evidence = GenericRecord.create(RapportTables.MATCH_EVIDENCE.schema());
            evidence.setField("customer_id", "c-1");
            evidence.setField("record_id", "r2");
            evidence.setField("other_record_id", "r1");
            evidence.setField("match_rule", "probabilistic");
            evidence.setField("probability", 0.96);
            evidence.setField("resolved_at", WHEN);
            evidence.setField("field_levels", levels);
            evidence.setField("field_weights", weights);
            evidence.setField("prior_weight", -2.2);
            evidence.setField("total_weight", 4.6);
            write(tables, RapportTables.MATCH_EVIDENCE, evidence);
        }

        String text = new CustomerExplainer(catalog).explain("c-1").orElseThrow();

        assertThat(text)
                .contains("crm:123 and erp:A-9 are very likely the same person (match probability 96%): same family"
                        + " name (strong evidence, +6.0), given name close or nickname ('Ann' vs 'Anne') (some"
                        + " evidence, +3.2), different city ('Leeds' vs 'York') (evidence against, -2.4)")
                .contains("rarely one person (-2.2)", "the total is +4.6");
    }

    private static Record record(String recordId, String source, String sourceId, String firstName, String city) {
        Record row = GenericRecord.create(RapportTables.CUSTOMER_RECORDS.schema());
        row.setField("record_id", recordId);
        row.setField("source", source);
        row.setField("source_id", sourceId);
        row.setField("first_name", firstName);
        row.setField("last_name", "Lee");
        row.setField("city", city);
        row.setField("source_location", source + ".csv:" + sourceId);
        row.setField("ingested_at", WHEN);
        row.setField("ingest_run_id", "run-1");
        return row;
    }

    private static Record mapped(String recordId, String source, String sourceId) {
        Record row = GenericRecord.create(RapportTables.IDENTITY_MAP.schema());
        row.setField("source", source);
        row.setField("source_id", sourceId);
        row.setField("record_id", recordId);
        row.setField("customer_id", "c-1");
        row.setField("match_rule", "probabilistic");
        row.setField("probability", 0.96);
        row.setField("resolved_at", WHEN);
        return row;
    }

    private static void write(RapportCatalog tables, TableDefinition definition, Record... rows) throws IOException {
        Table table = tables.ensure(definition);
        InternalRecordWrapper wrapper = new InternalRecordWrapper(table.schema().asStruct());
        PartitionKey key = new PartitionKey(table.spec(), table.schema());
        key.partition(wrapper.wrap(rows[0]));
        DataWriter<Record> writer = new GenericAppenderFactory(table.schema(), table.spec())
                .newDataWriter(
                        table.encryption()
                                .encrypt(table.io()
                                        .newOutputFile(table.locationProvider()
                                                .newDataLocation(table.spec(), key, UUID.randomUUID() + ".parquet"))),
                        FileFormat.PARQUET,
                        key);
        try (writer) {
            List.of(rows).forEach(writer::write);
        }
        table.newAppend().appendFile(writer.toDataFile()).commit();
    }
}
