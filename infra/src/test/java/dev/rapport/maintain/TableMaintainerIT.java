package dev.rapport.maintain;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.runtime.Console;
import dev.rapport.runtime.EmbeddedRunner;
import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.RapportCatalog;
import dev.rapport.schemas.table.TableDefinition;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
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

class TableMaintainerIT {

    private static final Schema SCHEMA = new Schema(
            List.of(required(1, "id", Types.IntegerType.get()), optional(2, "name", Types.StringType.get())),
            Set.of(1));
    private static final TableDefinition TABLE = new TableDefinition(
            TableIdentifier.of("staging", "many_small_files"),
            SCHEMA,
            PartitionSpec.unpartitioned(),
            SortOrder.unsorted(),
            "one row per id");

    @TempDir
    Path dir;

    @Test
    void compactsExpiresAndRemovesOnlyOldOrphans() throws Exception {
        MaintenanceOptions options = new MaintenanceOptions(
                Duration.ZERO, 1, Duration.ofDays(3), MaintenanceOptions.TARGET_FILE_SIZE_DEFAULT);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(
                new EmbeddedRunner(2, new Console(new PrintStream(new ByteArrayOutputStream()), false))
                        .configuration());
        try (RapportCatalog catalog = new RapportCatalog(CatalogConfig.embedded(dir))) {
            Table table = catalog.ensure(TABLE);
            for (int commit = 0; commit < 5; commit++) {
                append(table, commit * 10, 10);
            }
            Path dataDir = Path.of(table.location().replaceFirst("^file:", ""), "data");
            Path oldOrphan = dataDir.resolve("left-by-a-killed-writer.parquet");
            Path youngOrphan = dataDir.resolve("being-written-now.parquet");
            Files.writeString(oldOrphan, "partial");
            Files.setLastModifiedTime(oldOrphan, FileTime.from(Instant.now().minus(Duration.ofDays(5))));
            Files.writeString(youngOrphan, "partial");
            List<Record> before = read(table);

            MaintenanceResult first = new TableMaintainer(options).maintain(table, env, Instant.now());

            assertThat(first.dataFilesRewritten()).isEqualTo(5);
            assertThat(first.dataFilesAdded()).isEqualTo(1);
            assertThat(first.snapshotsBefore()).isEqualTo(6);
            assertThat(first.snapshotsAfter()).isEqualTo(1);
            assertThat(first.orphanFilesDeleted()).isEqualTo(1);
            assertThat(oldOrphan).doesNotExist();
            assertThat(youngOrphan).exists();
            assertThat(read(table)).containsExactlyInAnyOrderElementsOf(before);

            // The files a compaction replaced are dropped once the snapshot that replaced them expires:
            // after the next run only the current file, the two the second compaction replaced (still
            // referenced by the one retained snapshot) and the young orphan are left.
            append(table, 100, 1);
            MaintenanceResult second = new TableMaintainer(options).maintain(table, env, Instant.now());

            assertThat(second.snapshotsAfter()).isEqualTo(1);
            assertThat(second.dataFilesRewritten()).isEqualTo(2);
            List<Path> left = parquetFiles(dataDir);
            assertThat(left).contains(youngOrphan, currentDataFile(table)).hasSize(4);
            assertThat(left.stream().map(p -> p.getFileName().toString()))
                    .noneMatch(name -> name.matches("part-(0|10|20|30|40)\\.parquet"));
            assertThat(read(table)).hasSize(51);
        }
    }

    @Test
    void aFailedRunsUncommittedFilesGoAndNothingElse() throws Exception {
        try (RapportCatalog catalog = new RapportCatalog(CatalogConfig.embedded(dir))) {
            Table table = catalog.ensure(TABLE);
            Path dataDir = Path.of(table.location().replaceFirst("^file:", ""), "data");
            Files.createDirectories(dataDir);
            Path olderOrphan = dataDir.resolve("before-the-run.parquet");
            Files.writeString(olderOrphan, "partial");
            Files.setLastModifiedTime(olderOrphan, FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            Instant runStarted = Instant.now().minus(Duration.ofSeconds(1));
            append(table, 0, 10); // committed during the run (by another writer): stays
            Path uncommitted = dataDir.resolve("written-by-the-failed-run.parquet");
            Files.writeString(uncommitted, "partial");
            Instant runEnded = Instant.now().plus(Duration.ofSeconds(1));
            List<Record> before = read(table);

            List<String> removed = FailedRunFiles.remove(table, runStarted, runEnded);

            assertThat(removed).singleElement().satisfies(f -> assertThat(f)
                    .endsWith("written-by-the-failed-run.parquet"));
            assertThat(uncommitted).doesNotExist();
            assertThat(olderOrphan).exists(); // not the run's: left to the orphan sweep
            assertThat(read(table)).containsExactlyInAnyOrderElementsOf(before).hasSize(10);
        }
    }

    private static void append(Table table, int firstId, int rows) throws IOException {
        List<Record> records = new ArrayList<>();
        for (int id = firstId; id < firstId + rows; id++) {
            GenericRecord record = GenericRecord.create(SCHEMA);
            record.setField("id", id);
            record.setField("name", "customer " + id);
            records.add(record);
        }
        OutputFile file =
                table.io().newOutputFile(table.locationProvider().newDataLocation("part-" + firstId + ".parquet"));
        FileAppender<Record> appender =
                new GenericAppenderFactory(table.schema()).newAppender(file, FileFormat.PARQUET);
        try (appender) {
            appender.addAll(records);
        }
        DataFile dataFile = DataFiles.builder(table.spec())
                .withInputFile(file.toInputFile())
                .withMetrics(appender.metrics())
                .withFormat(FileFormat.PARQUET)
                .build();
        table.newAppend().appendFile(dataFile).commit();
    }

    private static List<Record> read(Table table) throws IOException {
        table.refresh();
        List<Record> rows = new ArrayList<>();
        try (CloseableIterable<Record> records = IcebergGenerics.read(table).build()) {
            records.forEach(r -> rows.add(r.copy()));
        }
        return rows;
    }

    private static List<Path> parquetFiles(Path dataDir) throws IOException {
        try (Stream<Path> files = Files.walk(dataDir)) {
            return files.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
    }

    private static Path currentDataFile(Table table) throws IOException {
        table.refresh();
        try (CloseableIterable<org.apache.iceberg.FileScanTask> tasks =
                table.newScan().planFiles()) {
            List<Path> files = new ArrayList<>();
            tasks.forEach(t -> files.add(Path.of(t.file().location().replaceFirst("^file:", ""))));
            assertThat(files).hasSize(1);
            return files.get(0);
        }
    }
}
