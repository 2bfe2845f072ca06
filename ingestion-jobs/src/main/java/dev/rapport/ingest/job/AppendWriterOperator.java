package dev.rapport.ingest.job;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.TableDefinition;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.Either;
import org.apache.iceberg.flink.TableLoader;

/**
 * Writes its rows into data files of the table (partitioned as the table is, rolled at its target
 * file size) and, when the input ends, sends the files it wrote to the commit. A failed task deletes
 * what it wrote.
 */
final class AppendWriterOperator extends AbstractStreamOperator<Either<byte[], Tuple2<Long, Long>>>
        implements OneInputStreamOperator<RowData, Either<byte[], Tuple2<Long, Long>>>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private final TableLoader tableLoader;
    private final int writerNumber;

    private transient LocatedRowWriter writer;

    /** @param writerNumber distinguishes the files of this operator from the run's other writers' */
    AppendWriterOperator(CatalogConfig catalog, TableDefinition definition, int writerNumber) {
        this.tableLoader = TableLoader.fromCatalog(catalog.catalogLoader(), definition.identifier());
        this.writerNumber = writerNumber;
    }

    @Override
    public void open() throws Exception {
        super.open();
        writer = LocatedRowWriter.open(tableLoader, getRuntimeContext(), writerNumber);
    }

    @Override
    public void processElement(StreamRecord<RowData> element) {
        writer.write(element.getValue());
    }

    @Override
    public void endInput() throws Exception {
        WrittenFiles written = writer.complete();
        writer = null;
        output.collect(new StreamRecord<>(AppendMessages.written(written)));
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
