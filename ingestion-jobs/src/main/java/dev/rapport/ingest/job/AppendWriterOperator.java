package dev.rapport.ingest.job;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.Either;

/**
 * Writes its rows into data files of the table (partitioned as the table is, rolled at its target
 * file size) and, when the input ends, sends the files it wrote to the commit. A failed task deletes
 * what it wrote.
 */
final class AppendWriterOperator extends FileWritingOperator<RowData, Either<byte[], Tuple2<Long, Long>>> {

    private static final long serialVersionUID = 1L;

    /** @param writerNumber distinguishes the files of this operator from the run's other writers' */
    AppendWriterOperator(CatalogConfig catalog, TableDefinition definition, int writerNumber) {
        super(catalog, definition, writerNumber);
    }

    @Override
    public void processElement(StreamRecord<RowData> element) {
        writer.write(element.getValue());
    }

    @Override
    protected void written(WrittenFiles files) throws IOException {
        output.collect(new StreamRecord<>(AppendMessages.written(files)));
    }
}
