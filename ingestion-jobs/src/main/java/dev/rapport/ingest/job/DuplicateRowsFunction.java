package dev.rapport.ingest.job;

import static java.util.Objects.requireNonNull;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.api.java.tuple.Tuple3;
import org.apache.flink.api.java.tuple.Tuple4;
import org.apache.flink.api.java.typeutils.TupleTypeInfo;
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
 *
 * <p>Records are keyed by a 64-bit hash of their natural key ({@link #groupOf}), not by the key
 * itself: Flink then sorts fixed-length keys, which compare in full on their normalized bytes, where
 * strings that share a long prefix (most source ids) were compared serialized, byte by byte. The
 * natural keys within a group are told apart, so a hash collision merges nothing.
 */
public final class DuplicateRowsFunction
        extends KeyedProcessFunction<Long, Tuple4<String, String, Long, Long>, Either<byte[], Tuple2<Long, Long>>> {

    private static final long serialVersionUID = 1L;

    private final String source;

    /** The survivor so far of each natural key of the group: file order, file id, position. */
    private transient MapState<String, Tuple3<String, Long, Long>> survivors;

    private transient SourceCounter stored;
    private transient SourceCounter deduplicated;

    public DuplicateRowsFunction(String source) {
        this.source = requireNonNull(source, "source is null");
    }

    @Override
    public void open(OpenContext openContext) {
        survivors = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "survivors",
                        Types.STRING,
                        new TupleTypeInfo<Tuple3<String, Long, Long>>(Types.STRING, Types.LONG, Types.LONG)));
        stored = SourceCounter.register(getRuntimeContext(), source, IngestionCounters.STORED);
        deduplicated = SourceCounter.register(getRuntimeContext(), source, IngestionCounters.DEDUPLICATED);
    }

    /**
     * The group of a natural key: a 64-bit FNV-1a hash of its characters, finished with a mix so that
     * keys differing in their last characters spread over Flink's key groups.
     */
    public static long groupOf(String key) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
        }
        hash = (hash ^ (hash >>> 33)) * 0xff51afd7ed558ccdL;
        hash = (hash ^ (hash >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return hash ^ (hash >>> 33);
    }

    @Override
    public void processElement(
            Tuple4<String, String, Long, Long> row, Context ctx, Collector<Either<byte[], Tuple2<Long, Long>>> out)
            throws Exception {
        Tuple3<String, Long, Long> current = survivors.get(row.f0);
        if (current == null) {
            survivors.put(row.f0, Tuple3.of(row.f1, row.f2, row.f3));
            stored.increment();
            return;
        }
        deduplicated.increment();
        if (row.f1.compareTo(current.f0) > 0) {
            out.collect(AppendMessages.replaced(current.f1, current.f2));
            survivors.put(row.f0, Tuple3.of(row.f1, row.f2, row.f3));
        } else {
            out.collect(AppendMessages.replaced(row.f2, row.f3));
        }
    }
}
