package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;

/**
 * Keeps one record per natural key and counts the others as deduplicated.
 *
 * <p>The survivor is the last record in file order (file path, then line), not the first to arrive,
 * so the stored row does not depend on parallelism or on which reader was faster: a repeated row in
 * a file behaves like an update. It is emitted when the input ends (a timer at the end of time),
 * which in BATCH mode is the end of the key's group.
 */
public final class DeduplicateFunction extends KeyedProcessFunction<String, Tuple3<String, String, RowData>, RowData> {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final TypeInformation<Tuple3<String, String, RowData>> type;

    private transient ValueState<Tuple3<String, String, RowData>> survivor;
    /** Copies a record before it is kept, if the job reuses input objects (null if it does not). */
    private transient TypeSerializer<Tuple3<String, String, RowData>> copier;

    private transient SourceCounter stored;
    private transient SourceCounter deduplicated;

    public DeduplicateFunction(String source, TypeInformation<Tuple3<String, String, RowData>> type) {
        this.source = requireNonNull(source, "source is null");
        this.type = requireNonNull(type, "type is null");
    }

    @Override
    public void open(OpenContext openContext) {
        survivor = getRuntimeContext().getState(new ValueStateDescriptor<>("survivor", type));
        copier =
                getRuntimeContext().isObjectReuseEnabled() ? getRuntimeContext().createSerializer(type) : null;
        stored = SourceCounter.register(getRuntimeContext(), source, IngestionCounters.STORED);
        deduplicated = SourceCounter.register(getRuntimeContext(), source, IngestionCounters.DEDUPLICATED);
    }

    @Override
    public void processElement(Tuple3<String, String, RowData> record, Context ctx, Collector<RowData> out)
            throws Exception {
        Tuple3<String, String, RowData> current = survivor.value();
        if (current == null) {
            survivor.update(kept(record));
            ctx.timerService().registerEventTimeTimer(Long.MAX_VALUE);
            return;
        }
        deduplicated.increment();
        if (record.f1.compareTo(current.f1) > 0) {
            survivor.update(kept(record));
        }
    }

    private Tuple3<String, String, RowData> kept(Tuple3<String, String, RowData> record) {
        return copier == null ? record : copier.copy(record);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<RowData> out) throws Exception {
        Tuple3<String, String, RowData> current = survivor.value();
        if (current != null) {
            out.collect(current.f2);
            stored.increment();
            survivor.clear();
        }
    }
}
