package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.TableDefinition;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.Either;
import org.apache.flink.util.OutputTag;
import org.apache.iceberg.flink.TableLoader;

/**
 * Writes a source's mapped records (natural key, file order, row) into data files of the table as
 * they come, and passes each one's natural key, file order and location (file id, position) on, for
 * {@link DuplicateRowsFunction} to find the rows a later record of their key replaces. When the input
 * ends it sends the files it wrote to the commit on the {@code written} side output. A failed task
 * deletes what it wrote.
 *
 * <p>The rows themselves go no further than this task: only keys cross the network.
 */
final class KeyedAppendWriterOperator extends AbstractStreamOperator<Tuple4<String, String, Long, Long>>
        implements OneInputStreamOperator<Tuple3<String, String, RowData>, Tuple4<String, String, Long, Long>>,
                BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private final TableLoader tableLoader;
    private final int writerNumber;
    private final OutputTag<Either<byte[], Tuple2<Long, Long>>> written;

    private transient LocatedRowWriter writer;

    /**
     * @param writerNumber distinguishes the files of this operator from the run's other writers'
     * @param written where the list of written files goes when the input ends
     */
    KeyedAppendWriterOperator(
            CatalogConfig catalog,
            TableDefinition definition,
            int writerNumber,
            OutputTag<Either<byte[], Tuple2<Long, Long>>> written) {
        this.tableLoader = TableLoader.fromCatalog(catalog.catalogLoader(), definition.identifier());
        this.writerNumber = writerNumber;
        this.written = requireNonNull(written, "written is null");
    }

    @Override
    public void open() throws Exception {
        super.open();
        writer = LocatedRowWriter.open(tableLoader, getRuntimeContext(), writerNumber);
    }

    @Override
    public void processElement(StreamRecord<Tuple3<String, String, RowData>> element) {
        Tuple3<String, String, RowData> keyed = element.getValue();
        writer.write(keyed.f2);
        output.collect(new StreamRecord<>(Tuple4.of(keyed.f0, keyed.f1, writer.fileId(), writer.position())));
    }

    @Override
    public void endInput() throws Exception {
        WrittenFiles files = writer.complete();
        writer = null;
        output.collect(written, new StreamRecord<>(AppendMessages.written(files)));
    }

    @Override
    public void close() throws Exception {
        try {
            if (writer != null) {
                writer.abort(); // failed or cancelled before the end of its input
            }
        } finally {
            super.close();
        }
    }
}
