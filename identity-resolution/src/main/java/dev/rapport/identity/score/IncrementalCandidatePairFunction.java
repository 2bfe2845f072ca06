package dev.rapport.identity.score;

import dev.rapport.identity.block.CandidateEntry;
import dev.rapport.identity.compare.MatchRecord;
import dev.rapport.identity.compare.RecordComparator;
import dev.rapport.identity.keyed.EndOfInputTimer;
import dev.rapport.identity.match.BlockUpdate;
import dev.rapport.identity.match.Link;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * The candidate block operator of an incremental run (keyed by candidate key): compares the pairs
 * of a block that holds or held a changed record ({@link BlockUpdate#touch}), exactly as
 * {@link CandidatePairFunction} does, and nothing in the others: their pairs are unchanged, so
 * the links the previous run made in them ({@link BlockUpdate#previous}) go to {@link #KEPT_LINKS}.
 */
public final class IncrementalCandidatePairFunction
        extends KeyedCoProcessFunction<String, CandidateEntry, BlockUpdate, CandidatePair> {

    private static final long serialVersionUID = 1L;

    /** Previous links of blocks not compared again. */
    public static final OutputTag<Link> KEPT_LINKS = new OutputTag<>("kept-candidate-links") {};

    private final RecordComparator comparator;
    private final int maxBlockSize;
    private final int window;

    private transient ListState<MatchRecord> entries;
    private transient ValueState<Integer> size;
    private transient ValueState<Boolean> touched;
    private transient ListState<Link> previousLinks;
    private transient EndOfInputTimer endOfInput;
    private transient CandidatePairFunction.Counters counters;

    public IncrementalCandidatePairFunction(RecordComparator comparator, int maxBlockSize, int window) {
        this.comparator = Objects.requireNonNull(comparator, "comparator is null");
        this.maxBlockSize = maxBlockSize;
        this.window = window;
    }

    @Override
    public void open(OpenContext openContext) {
        entries = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("candidate-entries", TypeInformation.of(MatchRecord.class)));
        size = getRuntimeContext().getState(new ValueStateDescriptor<>("candidate-block-size", Types.INT));
        touched = getRuntimeContext().getState(new ValueStateDescriptor<>("candidate-block-touched", Types.BOOLEAN));
        endOfInput = new EndOfInputTimer(getRuntimeContext());
        previousLinks = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("previous-links", TypeInformation.of(Link.class)));
        counters = new CandidatePairFunction.Counters(getRuntimeContext());
    }

    @Override
    public void processElement1(CandidateEntry entry, Context context, Collector<CandidatePair> out) throws Exception {
        endOfInput.await(context.timerService());
        Integer seen = size.value();
        int count = seen == null ? 1 : seen + 1;
        size.update(count);
        if (count <= maxBlockSize) {
            entries.add(entry.record);
        }
    }

    @Override
    public void processElement2(BlockUpdate update, Context context, Collector<CandidatePair> out) throws Exception {
        endOfInput.await(context.timerService());
        if (update.touched) {
            touched.update(true);
        } else {
            previousLinks.add(update.previousLink);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<CandidatePair> out) throws Exception {
        Integer count = size.value();
        List<MatchRecord> block = new ArrayList<>();
        for (MatchRecord record : entries.get()) {
            block.add(record);
        }
        List<Link> previous = new ArrayList<>();
        for (Link link : previousLinks.get()) {
            previous.add(link);
        }
        boolean compare = Boolean.TRUE.equals(touched.value());
        entries.clear();
        size.clear();
        touched.clear();
        previousLinks.clear();
        endOfInput.clear();
        if (compare) {
            if (!block.isEmpty()) {
                CandidatePairFunction.compare(
                                context.getCurrentKey(), block, count, maxBlockSize, window, comparator, counters)
                        .forEach(out::collect);
            }
        } else {
            if (!block.isEmpty()) {
                counters.blocks.add(1L);
            }
            previous.forEach(link -> context.output(KEPT_LINKS, link));
        }
    }
}
