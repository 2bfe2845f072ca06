package dev.rapport.ingest.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.RowDelta;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.data.parquet.GenericParquetReaders;
import org.apache.iceberg.hadoop.HadoopTables;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.parquet.Parquet;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestLocatedRowWriter {

    private static final Schema SCHEMA = new Schema(
            Types.NestedField.required(1, "id", Types.IntegerType.get()),
            Types.NestedField.required(2, "part", Types.StringType.get()));

    @TempDir
    Path dir;

    private Table table;

    @BeforeEach
    void createTable() {
        // a target size of one byte rolls to a new file every 1,000 rows (Iceberg checks the size then)
        table = new HadoopTables(new org.apache.hadoop.conf.Configuration())
                .create(
                        SCHEMA,
                        PartitionSpec.builderFor(SCHEMA).identity("part").build(),
                        Map.of(TableProperties.FORMAT_VERSION, "2", TableProperties.WRITE_TARGET_FILE_SIZE_BYTES, "1"),
                        dir.resolve("table").toString());
    }

    @Test
    void everyRowIsWhereTheWriterSaysAndPositionDeletesRemoveExactlyThoseRows() throws Exception {
        LocatedRowWriter writer = new LocatedRowWriter(table, new Configuration(), 7, 0, 0);
        Map<Integer, long[]> locations = new HashMap<>();
        for (int id = 0; id < 2500; id++) {
            writer.write(GenericRowData.of(id, StringData.fromString(id % 2 == 0 ? "a" : "b")));
            locations.put(id, new long[] {writer.fileId(), writer.position()});
        }
        WrittenFiles written = writer.complete();

        // 1,250 rows per partition: two files each, rolled after 1,000 rows
        assertThat(written.files()).hasSize(4);
        assertThat(written.paths()).hasSize(4);
        assertThat(written.paths().keySet()).allMatch(fileId -> fileId >>> 32 == 7);
        Set<String> paths = new HashSet<>();
        written.files().forEach(file -> paths.add(file.location()));
        assertThat(new HashSet<>(written.paths().values())).isEqualTo(paths);

        Map<String, List<Integer>> idsByFile = new HashMap<>();
        for (DataFile file : written.files()) {
            idsByFile.put(file.location(), idsOf(file.location()));
        }
        locations.forEach((id, location) -> assertThat(
                        idsByFile.get(written.paths().get(location[0])).get((int) location[1]))
                .as("row %d", id)
                .isEqualTo(id));

        Map<String, long[]> deleted = new HashMap<>();
        for (int id : List.of(0, 1, 999, 1000, 2001, 2499)) {
            long[] location = locations.get(id);
            String path = written.paths().get(location[0]);
            long[] positions = deleted.getOrDefault(path, new long[0]);
            long[] more = Arrays.copyOf(positions, positions.length + 1);
            more[positions.length] = location[1];
            deleted.put(path, more);
        }
        List<DeleteFile> deletes = PositionDeletes.write(table, deleted, written.files());
        assertThat(deletes).hasSize(2).allMatch(file -> file.content() == FileContent.POSITION_DELETES);
        RowDelta delta = table.newRowDelta();
        written.files().forEach(delta::addRows);
        deletes.forEach(delta::addDeletes);
        delta.commit();

        List<Integer> stored = new ArrayList<>();
        try (CloseableIterable<Record> rows = IcebergGenerics.read(table).build()) {
            rows.forEach(row -> stored.add((Integer) row.getField("id")));
        }
        assertThat(stored)
                .hasSize(2494)
                .doesNotContain(0, 1, 999, 1000, 2001, 2499)
                .contains(2, 998, 2498);
    }

    @Test
    void anAbortedWriterLeavesNoFiles() throws Exception {
        LocatedRowWriter writer = new LocatedRowWriter(table, new Configuration(), 1, 0, 0);
        for (int id = 0; id < 1500; id++) {
            writer.write(GenericRowData.of(id, StringData.fromString("a")));
        }
        writer.abort();

        try (var files = Files.walk(dir.resolve("table"))) {
            assertThat(files.filter(file -> file.toString().endsWith(".parquet")))
                    .isEmpty();
        }
    }

    private List<Integer> idsOf(String path) throws Exception {
        List<Integer> ids = new ArrayList<>();
        try (CloseableIterable<Record> rows = Parquet.read(table.io().newInputFile(path))
                .project(SCHEMA)
                .createReaderFunc(fileSchema -> GenericParquetReaders.buildReader(SCHEMA, fileSchema))
                .build()) {
            rows.forEach(row -> ids.add((Integer) row.getField("id")));
        }
        return ids;
    }
}
