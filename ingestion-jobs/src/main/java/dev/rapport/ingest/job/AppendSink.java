package dev.rapport.ingest.job;

import dev.rapport.schemas.table.CatalogConfig;
import dev.rapport.schemas.table.TableDefinition;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.data.RowData;
import org.apache.flink.types.Either;
import org.apache.flink.util.OutputTag;

/**
 * Writes the rows of a bounded run whose keys the table cannot hold yet (the run's first load of
 * its sources): plain data files, written by the tasks that map the records, no equality delete per
 * row; committed at once when the input ends. Only the keys are shuffled, to find the rows a later
 * record of their key replaced, which the commit deletes by position (none, usually). Iceberg's
 * Flink sink cannot do this for a table with identifier fields: it always writes them as upserts.
 */
final class AppendSink {

    private static final TypeInformation<Tuple4<String, String, Long, Long>> LOCATED =
            new TupleTypeInfo<>(Types.STRING, Types.STRING, Types.LONG, Types.LONG);

    private AppendSink() {}

    /**
     * Writes a source's mapped records (natural key, file order, row) where they are mapped.
     *
     * @param writerNumber unique among the writers of the table in this run
     * @return what the commit needs: the files written and the rows replaced
     */
    static List<DataStream<Either<byte[], Tuple2<Long, Long>>>> writeKeyed(
            DataStream<Tuple3<String, String, RowData>> records,
            CatalogConfig catalog,
            TableDefinition table,
            String source,
            int writerNumber,
            String uid) {
        OutputTag<Either<byte[], Tuple2<Long, Long>>> written =
                new OutputTag<>("written-" + source, AppendMessages.TYPE);
        SingleOutputStreamOperator<Tuple4<String, String, Long, Long>> located = records.transform(
                        "append " + table.qualifiedName() + ": write " + source,
                        LOCATED,
                        new KeyedAppendWriterOperator(catalog, table, writerNumber, written))
                .uid(uid + "-write");
        DataStream<Either<byte[], Tuple2<Long, Long>>> replaced = located.keyBy(
                        row -> DuplicateRowsFunction.groupOf(row.f0), Types.LONG)
                .process(new DuplicateRowsFunction(source), AppendMessages.TYPE)
                .uid(uid + "-deduplicate")
                .name("deduplicate " + source);
        return List.of(located.getSideOutput(written), replaced);
    }

    /**
     * Writes rows whose keys are unique already (rejects: one per record).
     *
     * @param writerNumber unique among the writers of the table in this run
     */
    static DataStream<Either<byte[], Tuple2<Long, Long>>> writeRows(
            DataStream<RowData> rows, CatalogConfig catalog, TableDefinition table, int writerNumber, String uid) {
        return rows.transform(
                        "append " + table.qualifiedName() + ": write",
                        AppendMessages.TYPE,
                        new AppendWriterOperator(catalog, table, writerNumber))
                .uid(uid + "-write");
    }

    /**
     * Commits what the writers of the table sent, once all of them have finished.
     *
     * @param startSnapshotId the table's snapshot when the run was planned (null for an empty table)
     * @param sources the sources whose rows these are: the commit fails if another run stored rows
     *     of one of them meanwhile
     */
    static void commit(
            List<DataStream<Either<byte[], Tuple2<Long, Long>>>> messages,
            CatalogConfig catalog,
            TableDefinition table,
            Long startSnapshotId,
            Set<String> sources,
            String uid) {
        messages.stream()
                .reduce(DataStream::union)
                .orElseThrow()
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
