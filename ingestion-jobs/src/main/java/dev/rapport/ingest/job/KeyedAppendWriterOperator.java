package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.Either;
import org.apache.flink.util.OutputTag;

/**
 * Writes a source's mapped records (natural key, file order, row) into data files of the table as
 * they come, and passes each one's natural key, file order and location (file id, position) on, for
 * {@link DuplicateRowsFunction} to find the rows a later record of their key replaces. When the input
 * ends it sends the files it wrote to the commit on the {@code written} side output. A failed task
 * deletes what it wrote.
 *
 * <p>The rows themselves go no further than this task: only keys cross the network.
 */
final class KeyedAppendWriterOperator
        extends FileWritingOperator<Tuple3<String, String, RowData>, Tuple4<String, String, Long, Long>> {

    private static final long serialVersionUID = 1L;

    private final OutputTag<Either<byte[], Tuple2<Long, Long>>> written;

    /**
     * @param writerNumber distinguishes the files of this operator from the run's other writers'
     * @param written where the list of written files goes when the input ends
     */
    KeyedAppendWriterOperator(
            CatalogConfig catalog,
            TableDefinition definition,
            int writerNumber,
            OutputTag<Either<byte[], Tuple2<Long, Long>>> written) {
        super(catalog, definition, writerNumber);
        this.written = requireNonNull(written, "written is null");
    }

    @Override
    public void processElement(StreamRecord<Tuple3<String, String, RowData>> element) {
        Tuple3<String, String, RowData> keyed = element.getValue();
        writer.write(keyed.f2);
        output.collect(new StreamRecord<>(Tuple4.of(keyed.f0, keyed.f1, writer.fileId(), writer.position())));
    }

    @Override
    protected void written(WrittenFiles files) throws IOException {
        output.collect(written, new StreamRecord<>(AppendMessages.written(files)));
    }
}
