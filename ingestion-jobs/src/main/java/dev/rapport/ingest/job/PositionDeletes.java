package dev.rapport.ingest.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.flink.table.data.RowData;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.StructLike;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.deletes.PositionDelete;
import org.apache.iceberg.deletes.PositionDeleteWriter;
import org.apache.iceberg.encryption.EncryptedOutputFile;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.sink.FlinkFileWriterFactory;
import org.apache.iceberg.io.OutputFileFactory;

/**
 * Writes Iceberg position delete files that remove given rows of given data files: one file per
 * partition, rows in (path, position) order as the format asks.
 */
final class PositionDeletes {

    private PositionDeletes() {}

    /**
     * @param rows the positions to delete, by data file path
     * @param files the data files those paths belong to
     */
    static List<DeleteFile> write(Table table, Map<String, long[]> rows, List<DataFile> files) throws IOException {
        Map<String, DataFile> byPath = new HashMap<>();
        files.forEach(file -> byPath.put(file.location(), file));
        Map<PartitionOf, TreeMap<String, long[]>> byPartition = new LinkedHashMap<>();
        rows.forEach((path, positions) -> {
            DataFile file = byPath.get(path);
            if (file == null) {
                throw new IllegalStateException("rows to delete name a file this run did not write: " + path);
            }
            byPartition
                    .computeIfAbsent(new PartitionOf(file.specId(), file.partition()), p -> new TreeMap<>())
                    .put(path, positions);
        });

        FileFormat format = FileFormat.fromString(table.properties()
                .getOrDefault(TableProperties.DELETE_DEFAULT_FILE_FORMAT, TableProperties.DEFAULT_FILE_FORMAT_DEFAULT));
        FlinkFileWriterFactory writers = new FlinkFileWriterFactory.Builder(table)
                .dataSchema(table.schema())
                .dataFlinkType(FlinkSchemaUtil.convert(table.schema()))
                .deleteFileFormat(format)
                .build();
        OutputFileFactory outputs = OutputFileFactory.builderFor(table, 0, 0)
                .format(format)
                .suffix("deletes")
                .build();
        List<DeleteFile> deletes = new ArrayList<>();
        for (Map.Entry<PartitionOf, TreeMap<String, long[]>> partition : byPartition.entrySet()) {
            PartitionSpec spec = table.specs().get(partition.getKey().specId());
            StructLike values = partition.getKey().values();
            EncryptedOutputFile output =
                    spec.isUnpartitioned() ? outputs.newOutputFile() : outputs.newOutputFile(spec, values);
            PositionDeleteWriter<RowData> writer = writers.newPositionDeleteWriter(output, spec, values);
            try (writer) {
                PositionDelete<RowData> delete = PositionDelete.create();
                for (Map.Entry<String, long[]> file : partition.getValue().entrySet()) {
                    long[] positions = file.getValue().clone();
                    Arrays.sort(positions);
                    for (long position : positions) {
                        writer.write(delete.set(file.getKey(), position));
                    }
                }
            }
            deletes.addAll(writer.result().deleteFiles());
        }
        return deletes;
    }

    private record PartitionOf(int specId, StructLike values) {}
}
