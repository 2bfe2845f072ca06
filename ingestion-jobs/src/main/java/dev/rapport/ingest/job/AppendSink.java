package dev.rapport.ingest.job;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.TableDefinition;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.data.RowData;

/**
 * Writes the rows of a bounded run whose keys the table cannot hold yet (the run's first load of
 * its sources, deduplicated): plain data files, no equality delete per row and no second shuffle by
 * key, committed by one append when the input ends. Iceberg's Flink sink cannot do this for a table
 * with identifier fields: it always writes them as upserts.
 */
final class AppendSink {

    private AppendSink() {}

    /**
     * @param startSnapshotId the table's snapshot when the run was planned (null for an empty table)
     * @param sources the sources whose rows these are: the commit fails if another run stored rows
     *     of one of them meanwhile
     */
    static void write(
            DataStream<RowData> rows,
            CatalogConfig catalog,
            TableDefinition table,
            Long startSnapshotId,
            Set<String> sources,
            String uid) {
        rows.transform(
                        "append " + table.qualifiedName() + ": write",
                        PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO,
                        new AppendWriterOperator(catalog, table))
                .uid(uid + "-write")
                .transform(
                        "append " + table.qualifiedName() + ": commit",
                        Types.VOID,
                        new AppendCommitOperator(catalog, table, startSnapshotId, sources))
                .uid(uid + "-commit")
                .setParallelism(1)
                .setMaxParallelism(1)
                .sinkTo(new DiscardingSink<>())
                .name("append " + table.qualifiedName() + ": done")
                .setParallelism(1);
    }
}
