package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.StateTtlConfig;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;

/**
 * The streaming twin of {@link DeduplicateFunction}: an unbounded input has no end at which to pick
 * a survivor, so the first record of a natural key is passed on at once and counted as stored;
 * further records of the key (a producer's or a webhook's retry) are counted as deduplicated and
 * passed on only when they come later in source order (a later offset of the same partition),
 * which the upsert sink turns into an update of the same row: the last record wins, as in batch.
 *
 * <p>The seen keys live in checkpointed state, so a job restored from a checkpoint still recognizes
 * retries of records read before the restore. They expire after {@link #SEEN_KEYS_TTL}: a retry
 * later than that is counted as stored again, yet still lands on the same row (upsert), so the
 * table stays free of duplicates either way.
 */
public final class StreamDeduplicateFunction
        extends KeyedProcessFunction<String, Tuple3<String, String, RowData>, RowData> {

    /** How long a natural key is remembered for counting retries. */
    public static final Duration SEEN_KEYS_TTL = Duration.ofDays(7);

    private static final long serialVersionUID = 1L;

    private final String source;

    private transient ValueState<String> lastOrderKey;
    private transient SourceCounter stored;
    private transient SourceCounter deduplicated;

    public StreamDeduplicateFunction(String source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public void open(OpenContext openContext) {
        ValueStateDescriptor<String> descriptor = new ValueStateDescriptor<>("last-order-key", Types.STRING);
        descriptor.enableTimeToLive(StateTtlConfig.newBuilder(SEEN_KEYS_TTL).build());
        lastOrderKey = getRuntimeContext().getState(descriptor);
        // Accumulators count this run (a restored job starts them at zero again); a running job's
        // client can read them at any time.
        stored = SourceCounter.register(getRuntimeContext(), source, IngestionCounters.STORED);
        deduplicated = SourceCounter.register(getRuntimeContext(), source, IngestionCounters.DEDUPLICATED);
    }

    @Override
    public void processElement(Tuple3<String, String, RowData> record, Context ctx, Collector<RowData> out)
            throws Exception {
        String last = lastOrderKey.value();
        if (last == null) {
            lastOrderKey.update(record.f1);
            stored.increment();
            out.collect(record.f2);
            return;
        }
        deduplicated.increment();
        if (record.f1.compareTo(last) > 0) {
            lastOrderKey.update(record.f1);
            out.collect(record.f2);
        }
    }

    @Override
    public String toString() {
        return "StreamDeduplicateFunction[" + source + "]";
    }
}
