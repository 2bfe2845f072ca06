package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.types.Either;
import org.apache.flink.util.Collector;

/**
 * For rows already written (natural key, file order, file id, position), finds the ones a later
 * record of their key replaces and sends their locations to the commit, which deletes them by
 * position; counts one stored row per key and the others as deduplicated.
 *
 * <p>The survivor is the same as {@link DeduplicateFunction}'s: the last record in file order (file
 * path, then line), so the stored row depends neither on parallelism nor on which reader was faster.
 */
public final class DuplicateRowsFunction
        extends KeyedProcessFunction<String, Tuple4<String, String, Long, Long>, Either<byte[], Tuple2<Long, Long>>> {

    private static final long serialVersionUID = 1L;

    private final String source;

    /** The survivor so far: file order, file id, position. */
    private transient ValueState<Tuple3<String, Long, Long>> survivor;

    private transient LongCounter stored;
    private transient LongCounter deduplicated;
    private transient Counter storedMetric;
    private transient Counter deduplicatedMetric;

    public DuplicateRowsFunction(String source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public void open(OpenContext openContext) {
        survivor = getRuntimeContext()
                .getState(new ValueStateDescriptor<>(
                        "survivor",
                        new TupleTypeInfo<Tuple3<String, Long, Long>>(Types.STRING, Types.LONG, Types.LONG)));
        stored = new LongCounter();
        deduplicated = new LongCounter();
        getRuntimeContext().addAccumulator(IngestionCounters.accumulator(source, IngestionCounters.STORED), stored);
        getRuntimeContext()
                .addAccumulator(IngestionCounters.accumulator(source, IngestionCounters.DEDUPLICATED), deduplicated);
        storedMetric = getRuntimeContext().getMetricGroup().counter(IngestionCounters.STORED);
        deduplicatedMetric = getRuntimeContext().getMetricGroup().counter(IngestionCounters.DEDUPLICATED);
    }

    @Override
    public void processElement(
            Tuple4<String, String, Long, Long> row, Context ctx, Collector<Either<byte[], Tuple2<Long, Long>>> out)
            throws Exception {
        Tuple3<String, Long, Long> current = survivor.value();
        if (current == null) {
            survivor.update(Tuple3.of(row.f1, row.f2, row.f3));
            stored.add(1);
            storedMetric.inc();
            return;
        }
        deduplicated.add(1);
        deduplicatedMetric.inc();
        if (row.f1.compareTo(current.f0) > 0) {
            out.collect(AppendMessages.replaced(current.f1, current.f2));
            survivor.update(Tuple3.of(row.f1, row.f2, row.f3));
        } else {
            out.collect(AppendMessages.replaced(row.f2, row.f3));
        }
    }
}
