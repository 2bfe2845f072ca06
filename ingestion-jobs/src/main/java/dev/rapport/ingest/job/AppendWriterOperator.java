package dev.rapport.ingest.job;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.TableDefinition;
import java.util.List;
import java.util.Map;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.InstantiationUtil;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.SerializableTable;
import org.apache.iceberg.Table;
import org.apache.iceberg.flink.FlinkSchemaUtil;
import org.apache.iceberg.flink.FlinkWriteConf;
import org.apache.iceberg.flink.TableLoader;
import org.apache.iceberg.flink.sink.RowDataTaskWriterFactory;
import org.apache.iceberg.flink.sink.SinkUtil;
import org.apache.iceberg.io.TaskWriter;
import org.apache.iceberg.io.WriteResult;

/**
 * Writes its rows into data files of the table (partitioned as the table is, rolled at its target
 * file size) and, when the input ends, sends the list of files it wrote, as a serialized {@link
 * WriteResult}, to the commit. A failed task deletes what it wrote.
 */
final class AppendWriterOperator extends AbstractStreamOperator<byte[]>
        implements OneInputStreamOperator<RowData, byte[]>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private final TableLoader tableLoader;

    private transient TaskWriter<RowData> writer;

    AppendWriterOperator(CatalogConfig catalog, TableDefinition definition) {
        this.tableLoader = TableLoader.fromCatalog(catalog.catalogLoader(), definition.identifier());
    }

    @Override
    public void open() throws Exception {
        super.open();
        IcebergStatics.initialize();
        Table table;
        try (TableLoader loader = tableLoader.clone()) {
            loader.open();
            table = SerializableTable.copyOf(loader.loadTable());
        }
        FlinkWriteConf conf =
                new FlinkWriteConf(table, Map.of(), getRuntimeContext().getJobConfiguration());
        FileFormat format = conf.dataFileFormat();
        RowDataTaskWriterFactory factory = new RowDataTaskWriterFactory(
                () -> table,
                FlinkSchemaUtil.convert(table.schema()),
                conf.targetDataFileSize(),
                format,
                SinkUtil.writeProperties(format, conf, table),
                List.of(),
                false);
        factory.initialize(
                getRuntimeContext().getTaskInfo().getIndexOfThisSubtask(),
                getRuntimeContext().getTaskInfo().getAttemptNumber());
        writer = factory.create();
    }

    @Override
    public void processElement(StreamRecord<RowData> element) throws Exception {
        writer.write(element.getValue());
    }

    @Override
    public void endInput() throws Exception {
        WriteResult written = writer.complete();
        writer = null;
        output.collect(new StreamRecord<>(InstantiationUtil.serializeObject(written)));
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
