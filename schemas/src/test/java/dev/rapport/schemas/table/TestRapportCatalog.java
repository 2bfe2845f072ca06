package dev.rapport.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.SortOrder;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.GenericAppenderFactory;
import org.apache.iceberg.data.GenericRecord;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.io.FileAppender;
import org.apache.iceberg.io.OutputFile;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestRapportCatalog {

    @TempDir
    Path dir;

    @Test
    void ensureCreatesEveryTableAsDefined() {
        try (RapportCatalog catalog = new RapportCatalog(CatalogConfig.embedded(dir))) {
            for (TableDefinition definition : RapportTables.all()) {
                Table table = catalog.ensure(definition);

                assertThat(describe(table.schema()))
                        .as(definition.qualifiedName())
                        .isEqualTo(describe(definition.schema()));
                assertThat(table.schema().identifierFieldNames())
                        .isEqualTo(definition.schema().identifierFieldNames());
                assertThat(table.spec().fields())
                        .hasSameSizeAs(definition.spec().fields());
                assertThat(((org.apache.iceberg.HasTableOperations) table)
                                .operations()
                                .current()
                                .formatVersion())
                        .isEqualTo(2);
                assertThat(table.properties()).containsEntry("write.parquet.compression-codec", "zstd");
            }
        }
    }

    @Test
    void ensureIsIdempotent() {
        try (RapportCatalog catalog = new RapportCatalog(CatalogConfig.embedded(dir))) {
            Table first = catalog.ensure(RapportTables.CUSTOMER_RECORDS);
            Table second = catalog.ensure(RapportTables.CUSTOMER_RECORDS);

            assertThat(second.schema().schemaId()).isEqualTo(first.schema().schemaId());
        }
    }

    @Test
    void stagingTablesAreWrittenWithoutDictionaryEncodingAndOtherTablesWithIt() throws IOException {
        try (RapportCatalog catalog = new RapportCatalog(CatalogConfig.embedded(dir))) {
            Table staging = catalog.ensure(RapportTables.CUSTOMER_RECORDS);
            Table evidence = catalog.ensure(RapportTables.MATCH_EVIDENCE);

            assertThat(staging.properties()).containsEntry("parquet.enable.dictionary", "false");
            assertThat(catalog.ensure(RapportTables.INTERACTIONS).properties())
                    .containsEntry("parquet.enable.dictionary", "false");
            assertThat(evidence.properties()).doesNotContainKey("parquet.enable.dictionary");

            Schema repeated = new Schema(required(1, "source", Types.StringType.get()));
            assertThat(dictionaryPages(staging, repeated)).isZero();
            assertThat(dictionaryPages(evidence, repeated)).isOne();
        }
    }

    @Test
    void anExistingTableGainsTheDefinedPropertiesItLacksAndKeepsTheOnesItHas() {
        TableDefinition plain = new TableDefinition(
                TableIdentifier.of("staging", "tuned"),
                new Schema(List.of(required(1, "id", Types.StringType.get())), Set.of(1)),
                PartitionSpec.unpartitioned(),
                SortOrder.unsorted(),
                "one row per id");
        try (RapportCatalog catalog = new RapportCatalog(CatalogConfig.embedded(dir))) {
            catalog.ensure(plain)
                    .updateProperties()
                    .set("write.parquet.row-group-size-bytes", "1048576")
                    .commit();

            Table tuned = catalog.ensure(plain.withProperties(
                    Map.of("parquet.enable.dictionary", "false", "write.parquet.row-group-size-bytes", "134217728")));

            assertThat(tuned.properties())
                    .containsEntry("parquet.enable.dictionary", "false")
                    .containsEntry("write.parquet.row-group-size-bytes", "1048576");
        }
    }

    @Test
    void anAdditiveSchemaChangeKeepsOldDataReadable() throws IOException {
        Schema before = new Schema(
                List.of(required(1, "id", Types.StringType.get()), optional(2, "name", Types.StringType.get())),
                Set.of(1));
        Schema after = new Schema(
                List.of(
                        required(1, "id", Types.StringType.get()),
                        optional(2, "name", Types.StringType.get()),
                        optional(3, "nickname", Types.StringType.get())),
                Set.of(1));
        TableDefinition old = new TableDefinition(
                TableIdentifier.of("staging", "evolving"),
                before,
                PartitionSpec.unpartitioned(),
                SortOrder.unsorted(),
                "one row per id");
        TableDefinition current = new TableDefinition(
                old.identifier(), after, PartitionSpec.unpartitioned(), SortOrder.unsorted(), "one row per id");

        try (RapportCatalog catalog = new RapportCatalog(CatalogConfig.embedded(dir))) {
            Table table = catalog.ensure(old);
            GenericRecord row = GenericRecord.create(before);
            row.setField("id", "1");
            row.setField("name", "Ana");
            append(table, List.of(row));

            Table evolved = catalog.ensure(current);

            assertThat(evolved.schema().findField("nickname")).isNotNull();
            List<Record> read = readAll(evolved);
            assertThat(read).hasSize(1);
            assertThat(read.get(0).getField("name")).isEqualTo("Ana");
            assertThat(read.get(0).getField("nickname")).isNull();
        }
    }

    @Test
    void anExistingMatchEvidenceTableGainsTheEvidenceColumnsInTheDefinedOrder() throws IOException {
        // identity.match_evidence as the first release created it
        Schema first = new Schema(
                List.of(
                        required(1, "customer_id", Types.StringType.get()),
                        required(2, "record_id", Types.StringType.get()),
                        required(3, "other_record_id", Types.StringType.get()),
                        required(4, "match_rule", Types.StringType.get()),
                        required(5, "probability", Types.DoubleType.get()),
                        required(6, "resolved_at", Types.TimestampType.withZone())),
                Set.of(2, 3, 4));
        TableDefinition old = new TableDefinition(
                RapportTables.MATCH_EVIDENCE.identifier(),
                first,
                PartitionSpec.unpartitioned(),
                SortOrder.unsorted(),
                RapportTables.MATCH_EVIDENCE.grain());

        try (RapportCatalog catalog = new RapportCatalog(CatalogConfig.embedded(dir))) {
            Table table = catalog.ensure(old);
            GenericRecord row = GenericRecord.create(first);
            row.setField("customer_id", "c-1");
            row.setField("record_id", "r2");
            row.setField("other_record_id", "r1");
            row.setField("match_rule", "email");
            row.setField("probability", 1.0);
            row.setField("resolved_at", java.time.OffsetDateTime.parse("2024-06-01T12:00:00Z"));
            append(table, List.of(row));

            Table evolved = catalog.ensure(RapportTables.MATCH_EVIDENCE);

            // the same columns in the same order as a new table: the job writes rows by position
            assertThat(describe(evolved.schema())).isEqualTo(describe(RapportTables.MATCH_EVIDENCE.schema()));
            List<Record> read = readAll(evolved);
            assertThat(read).hasSize(1);
            assertThat(read.get(0).getField("match_rule")).isEqualTo("email");
            assertThat(read.get(0).getField("field_levels")).isNull();
            assertThat(read.get(0).getField("field_weights")).isNull();
            assertThat(read.get(0).getField("total_weight")).isNull();
        }
    }

    /** Names, types and nullability: ids differ because the catalog assigns fresh ones. */
    private static List<String> describe(Schema schema) {
        return schema.columns().stream()
                .map(f -> f.name() + " " + (f.isOptional() ? "optional " : "required ") + f.type())
                .toList();
    }

    private static void append(Table table, List<Record> rows) throws IOException {
        OutputFile file = table.io().newOutputFile(table.locationProvider().newDataLocation("part-0.parquet"));
        FileAppender<Record> appender =
                new GenericAppenderFactory(table.schema()).newAppender(file, FileFormat.PARQUET);
        try (appender) {
            appender.addAll(rows);
        }
        DataFile dataFile = org.apache.iceberg.DataFiles.builder(table.spec())
                .withInputFile(file.toInputFile())
                .withMetrics(appender.metrics())
                .withFormat(FileFormat.PARQUET)
                .build();
        table.newAppend().appendFile(dataFile).commit();
    }

    /** Writes 100 equal values with the table's properties and counts the column chunks with a dictionary. */
    private long dictionaryPages(Table table, Schema schema) throws IOException {
        Path file = dir.resolve(table.name() + ".parquet");
        FileAppender<Record> appender = new GenericAppenderFactory(schema)
                .setAll(table.properties())
                .newAppender(org.apache.iceberg.Files.localOutput(file.toFile()), FileFormat.PARQUET);
        try (appender) {
            for (int i = 0; i < 100; i++) {
                GenericRecord row = GenericRecord.create(schema);
                row.setField("source", "crm");
                appender.add(row);
            }
        }
        try (org.apache.parquet.hadoop.ParquetFileReader reader =
                org.apache.parquet.hadoop.ParquetFileReader.open(new org.apache.parquet.io.LocalInputFile(file))) {
            return reader.getFooter().getBlocks().stream()
                    .flatMap(block -> block.getColumns().stream())
                    .filter(org.apache.parquet.hadoop.metadata.ColumnChunkMetaData::hasDictionaryPage)
                    .count();
        }
    }

    private static List<Record> readAll(Table table) throws IOException {
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            records.forEach(rows::add);
        }
        return rows;
    }
}
