package dev.rapport.ingest.job;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.TableDefinition;
import java.io.IOException;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.iceberg.flink.TableLoader;

/**
 * An operator that writes its input into data files of a table with a {@link LocatedRowWriter} and,
 * when the input ends, hands the files it wrote to {@link #written}. A failed or cancelled task
 * deletes what it wrote.
 */
abstract class FileWritingOperator<IN, OUT> extends AbstractStreamOperator<OUT>
        implements OneInputStreamOperator<IN, OUT>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private final TableLoader tableLoader;
    private final int writerNumber;

    /** Open from {@link #open} until the input ends. */
    protected transient LocatedRowWriter writer;

    /** @param writerNumber distinguishes the files of this operator from the run's other writers' */
    FileWritingOperator(CatalogConfig catalog, TableDefinition definition, int writerNumber) {
        this.tableLoader = TableLoader.fromCatalog(catalog.catalogLoader(), definition.identifier());
        this.writerNumber = writerNumber;
    }

    /** Sends on the files written, once the input has ended. */
    protected abstract void written(WrittenFiles files) throws IOException;

    @Override
    public void open() throws Exception {
        super.open();
        writer = LocatedRowWriter.open(tableLoader, getRuntimeContext(), writerNumber);
    }

    @Override
    public void endInput() throws Exception {
        WrittenFiles files = writer.complete();
        writer = null;
        written(files);
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
