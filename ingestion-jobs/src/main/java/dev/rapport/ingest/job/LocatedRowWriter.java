package dev.rapport.ingest.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.TaskInfo;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.streaming.api.operators.StreamingRuntimeContext;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.logical.RowType;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.PartitionKey;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.SerializableTable;
import org.apache.iceberg.Table;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.FlinkWriteConf;
import org.apache.iceberg.flink.RowDataWrapper;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.FlinkFileWriterFactory;
import org.apache.iceberg.flink.sink.SinkUtil;
import org.apache.iceberg.io.FileWriterFactory;
import org.apache.iceberg.io.OutputFileFactory;
import org.apache.iceberg.io.RollingDataWriter;

/**
 * Writes rows into data files of a table, partitioned as the table is and rolled at its target file
 * size (as Iceberg's own Flink writers do), and tells where each row went: a file id and the row's
 * position in that file, which is what an Iceberg position delete names. Not thread-safe; one per
 * writing task.
 */
final class LocatedRowWriter {

    private final Table table;
    private final long writerId;
    private final FileWriterFactory<RowData> files;
    private final OutputFileFactory outputs;
    private final long targetFileSize;
    private final PartitionSpec spec;
    private final PartitionKey key;
    private final RowDataWrapper wrapper;
    /** The file being written of each partition (the null key for an unpartitioned table). */
    private final Map<PartitionKey, OpenFile> open = new HashMap<>();

    private final Map<Long, String> paths = new HashMap<>();
    private int filesStarted;

    /** Where the last written row went. */
    private long fileId;

    private long position;

    /**
     * @param writerId distinguishes this writer's files from those of every other writer of the
     *     run (it is the high half of each file id)
     * @param attempt the task's attempt, part of the files' names
     */
    LocatedRowWriter(Table table, ReadableConfig jobConfig, long writerId, int subtask, int attempt) {
        this.table = table;
        this.writerId = writerId;
        FlinkWriteConf conf = new FlinkWriteConf(table, Map.of(), jobConfig);
        FileFormat format = conf.dataFileFormat();
        RowType type = FlinkSchemaUtil.convert(table.schema());
        this.files = new FlinkFileWriterFactory.Builder(table)
                .dataFileFormat(format)
                .dataSchema(table.schema())
                .dataFlinkType(type)
                .writerProperties(SinkUtil.writeProperties(format, conf, table))
                .build();
        this.outputs = OutputFileFactory.builderFor(table, subtask, attempt)
                .format(format)
                .defaultSpec(table.spec())
                .build();
        this.targetFileSize = conf.targetDataFileSize();
        this.spec = table.spec();
        this.key = new PartitionKey(spec, table.schema());
        this.wrapper = new RowDataWrapper(type, table.schema().asStruct());
    }

    /**
     * A writer for the table {@code loader} names, for the task of {@code context}.
     *
     * @param writerNumber distinguishes this operator's files from those of the run's other writing
     *     operators: with the task's index it makes the writer id
     */
    static LocatedRowWriter open(TableLoader loader, StreamingRuntimeContext context, int writerNumber)
            throws IOException {
        IcebergStatics.initialize();
        Table table;
        try (TableLoader opened = loader.clone()) {
            opened.open();
            table = SerializableTable.copyOf(opened.loadTable());
        }
        TaskInfo task = context.getTaskInfo();
        long writerId = ((long) writerNumber << 16) | task.getIndexOfThisSubtask();
        return new LocatedRowWriter(
                table, context.getJobConfiguration(), writerId, task.getIndexOfThisSubtask(), task.getAttemptNumber());
    }

    /** Writes {@code row}; {@link #fileId()} and {@link #position()} then tell where it went. */
    void write(RowData row) {
        OpenFile file = fileFor(row);
        long rowsBefore = file.writer.currentFileRows();
        if (rowsBefore == 0) { // the first row of a new file (a new partition, or the last one rolled)
            file.id = (writerId << 32) | filesStarted++;
            paths.put(file.id, file.writer.currentFilePath().toString());
        }
        file.writer.write(row);
        fileId = file.id;
        position = rowsBefore;
    }

    long fileId() {
        return fileId;
    }

    long position() {
        return position;
    }

    /** Closes every file and returns them, with the path of each file id handed out. */
    WrittenFiles complete() throws IOException {
        List<DataFile> written = new ArrayList<>();
        for (OpenFile file : open.values()) {
            file.writer.close();
            written.addAll(file.writer.result().dataFiles());
        }
        open.clear();
        return new WrittenFiles(written, paths);
    }

    /** Closes and deletes what was written (a failed or cancelled task). */
    void abort() {
        List<DataFile> written = new ArrayList<>();
        for (OpenFile file : open.values()) {
            try {
                file.writer.close();
                written.addAll(file.writer.result().dataFiles());
            } catch (IOException | RuntimeException e) {
                // the file stays behind as an orphan, never referenced by a snapshot
            }
        }
        open.clear();
        written.forEach(file -> table.io().deleteFile(file.location()));
    }

    private OpenFile fileFor(RowData row) {
        PartitionKey partition = null;
        if (!spec.isUnpartitioned()) {
            key.partition(wrapper.wrap(row));
            partition = key;
        }
        OpenFile file = open.get(partition);
        if (file == null) {
            PartitionKey copy = partition == null ? null : partition.copy();
            file = new OpenFile(newWriter(copy));
            open.put(copy, file);
        }
        return file;
    }

    private RollingDataWriter<RowData> newWriter(PartitionKey partition) {
        return new RollingDataWriter<>(files, outputs, table.io(), targetFileSize, spec, partition);
    }

    /** A partition's rolling file and the id of the file it is writing. */
    private static final class OpenFile {
        final RollingDataWriter<RowData> writer;
        long id;

        OpenFile(RollingDataWriter<RowData> writer) {
            this.writer = writer;
        }
    }
}
