package dev.rapport.identity.score;

import dev.rapport.identity.block.BlockOrder;
import dev.rapport.identity.block.BlockPairs;
import dev.rapport.identity.block.CandidateEntry;
import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.compare.RecordComparator;
import java.util.ArrayList;
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
 * Collects one candidate block (keyed by block key) until the input ends, then compares its pairs:
 * every pair of a small block; in a block of more than twice the window, each record with its
 * next {@code window} records in the {@link BlockOrder} (a sorted neighbourhood), so a common name
 * born in one year costs comparisons in proportion to its records, not their square. A block
 * larger than the cap (a call centre's phone) is not compared at all: it is counted, and its
 * records still meet in their other blocks.
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
    /** Accumulator: candidate blocks compared in windows for being larger than twice the window. */
    public static final String BLOCKS_WINDOWED = "identity.candidate-blocks-windowed";

    private final RecordComparator comparator;
    private final int maxBlockSize;
    private final int window;

    private transient ListState<MatchRecord> entries;
    private transient ValueState<Integer> size;
    private transient Counters counters;

    public CandidatePairFunction(RecordComparator comparator, int maxBlockSize, int window) {
        this.comparator = Objects.requireNonNull(comparator, "comparator is null");
        this.maxBlockSize = maxBlockSize;
        this.window = window;
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
                        window,
                        comparator,
                        counters)
                .forEach(out::collect);
    }

    /**
     * The pairs of one candidate block of {@code size} records, of which {@code block} holds the
     * first {@code maxBlockSize}: none if it is over the cap; every pair if it has at most twice
     * {@code window} records; otherwise each record with its next {@code window} in the
     * {@link BlockOrder}. Each pair in record id order. Shared with
     * {@link IncrementalCandidatePairFunction}.
     */
    static List<CandidatePair> compare(
            String key,
            List<MatchRecord> block,
            int size,
            int maxBlockSize,
            int window,
            RecordComparator comparator,
            Counters counters) {
        counters.blocks.add(1L);
        if (size > maxBlockSize) {
            counters.blocksOverCap.add(1L);
            return List.of();
        }
        counters.blocksCompared.add(1L);
        BlockPairs blockPairs = new BlockPairs(comparator, window);
        if (blockPairs.windowed(block.size())) {
            counters.blocksWindowed.add(1L);
        }
        List<CandidatePair> pairs = new ArrayList<>();
        for (BlockPairs.Pair pair : blockPairs.pairs(key, block)) {
            counters.comparisons.add(1L);
            pairs.add(CandidatePair.of(
                    pair.first(), pair.second(), comparator.compare(pair.first(), pair.second()), key));
        }
        return pairs;
    }

    /** The accumulators of the candidate block operators. */
    static final class Counters {
        final LongCounter comparisons = new LongCounter();
        final LongCounter blocksOverCap = new LongCounter();
        final LongCounter blocks = new LongCounter();
        final LongCounter blocksCompared = new LongCounter();
        final LongCounter blocksWindowed = new LongCounter();

        Counters(org.apache.flink.api.common.functions.RuntimeContext context) {
            context.addAccumulator(COMPARISONS, comparisons);
            context.addAccumulator(BLOCKS_OVER_CAP, blocksOverCap);
            context.addAccumulator(BLOCKS, blocks);
            context.addAccumulator(BLOCKS_COMPARED, blocksCompared);
            context.addAccumulator(BLOCKS_WINDOWED, blocksWindowed);
        }
    }
}
