package dev.rapport.identity.score;

import dev.rapport.identity.block.CandidateEntry;
import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.compare.RecordComparator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Collects one candidate block (keyed by block key) until the input ends, then compares every pair
 * in it. A block larger than the cap (a common name born in one year at scale, a call centre's
 * phone) is not compared in full: it is counted, and its records still meet in their other blocks.
 */
public final class CandidatePairFunction extends KeyedProcessFunction<String, CandidateEntry, CandidatePair> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: pairs compared (a pair in several blocks counts in each). */
    public static final String COMPARISONS = "identity.comparisons";
    /** Accumulator: candidate blocks not compared for being over the cap. */
    public static final String BLOCKS_OVER_CAP = "identity.candidate-blocks-over-cap";
    /** Accumulator: candidate blocks of this run's records. */
    public static final String BLOCKS = "identity.candidate-blocks";
    /** Accumulator: candidate blocks compared; in an incremental run only those with a changed record. */
    public static final String BLOCKS_COMPARED = "identity.candidate-blocks-compared";

    private final RecordComparator comparator;
    private final int maxBlockSize;

    private transient ListState<MatchRecord> entries;
    private transient ValueState<Integer> size;
    private transient Counters counters;

    public CandidatePairFunction(RecordComparator comparator, int maxBlockSize) {
        this.comparator = Objects.requireNonNull(comparator, "comparator is null");
        this.maxBlockSize = maxBlockSize;
    }

    @Override
    public void open(OpenContext openContext) {
        entries = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("candidate-entries", TypeInformation.of(MatchRecord.class)));
        size = getRuntimeContext().getState(new ValueStateDescriptor<>("candidate-block-size", Types.INT));
        counters = new Counters(getRuntimeContext());
    }

    @Override
    public void processElement(CandidateEntry entry, Context context, Collector<CandidatePair> out) throws Exception {
        Integer seen = size.value();
        int count = seen == null ? 1 : seen + 1;
        size.update(count);
        if (count == 1) {
            context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
        if (count <= maxBlockSize) {
            entries.add(entry.record);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<CandidatePair> out) throws Exception {
        Integer count = size.value();
        List<MatchRecord> block = new ArrayList<>();
        for (MatchRecord record : entries.get()) {
            block.add(record);
        }
        entries.clear();
        size.clear();
        compare(
                        context.getCurrentKey(),
                        block,
                        count == null ? block.size() : count,
                        maxBlockSize,
                        comparator,
                        counters)
                .forEach(out::collect);
    }

    /**
     * Every pair of one candidate block of {@code size} records, of which {@code block} holds the
     * first {@code maxBlockSize}; none if it is over the cap. Shared with
     * {@link IncrementalCandidatePairFunction}.
     */
    static List<CandidatePair> compare(
            String key,
            List<MatchRecord> block,
            int size,
            int maxBlockSize,
            RecordComparator comparator,
            Counters counters) {
        counters.blocks.add(1L);
        if (size > maxBlockSize) {
            counters.blocksOverCap.add(1L);
            return List.of();
        }
        counters.blocksCompared.add(1L);
        block.sort(Comparator.comparing((MatchRecord record) -> record.recordId));
        List<CandidatePair> pairs = new ArrayList<>();
        for (int i = 0; i < block.size(); i++) {
            for (int j = i + 1; j < block.size(); j++) {
                MatchRecord first = block.get(i);
                MatchRecord second = block.get(j);
                if (first.recordId.equals(second.recordId)) {
                    continue;
                }
                counters.comparisons.add(1L);
                pairs.add(CandidatePair.of(first, second, comparator.compare(first, second), key));
            }
        }
        return pairs;
    }

    /** The accumulators of the candidate block operators. */
    static final class Counters {
        final LongCounter comparisons = new LongCounter();
        final LongCounter blocksOverCap = new LongCounter();
        final LongCounter blocks = new LongCounter();
        final LongCounter blocksCompared = new LongCounter();

        Counters(org.apache.flink.api.common.functions.RuntimeContext context) {
            context.addAccumulator(COMPARISONS, comparisons);
            context.addAccumulator(BLOCKS_OVER_CAP, blocksOverCap);
            context.addAccumulator(BLOCKS, blocks);
            context.addAccumulator(BLOCKS_COMPARED, blocksCompared);
        }
    }
}
