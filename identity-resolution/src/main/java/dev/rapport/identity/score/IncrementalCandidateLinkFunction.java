package dev.rapport.identity.score;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.block.CandidateEntry;
import dev.rapport.identity.keyed.EndOfInputTimer;
import dev.rapport.identity.match.BlockUpdate;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.model.StoredModel;
import java.util.List;
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
 * The candidate block operator of an incremental run (keyed by candidate key): links the pairs of a
 * block that holds or held a changed record ({@link BlockUpdate#touch}) exactly as
 * {@link CandidateLinkFunction} does, under the stored model (an incremental run applies the last
 * estimated one, known before the job starts), and nothing in the others: their pairs are
 * unchanged, so the links the previous run made in them ({@link BlockUpdate#previous}) go to
 * {@link #KEPT_LINKS}.
 */
public final class IncrementalCandidateLinkFunction
        extends KeyedCoProcessFunction<String, CandidateEntry, BlockUpdate, Link> {

    private static final long serialVersionUID = 1L;

    /** Previous links of blocks not compared again. */
    public static final OutputTag<Link> KEPT_LINKS = new OutputTag<>("kept-candidate-links") {};

    private final CandidateBlock candidateBlock;
    private final double threshold;
    private final double conflictOverride;
    private final List<StoredModel.Row> model;

    private transient CandidateBlockState block;
    private transient ValueState<Boolean> touched;
    private transient ListState<Link> previousLinks;
    private transient EndOfInputTimer endOfInput;
    private transient CandidateBlockCounters counters;
    private transient PairScorer scorer;

    public IncrementalCandidateLinkFunction(
            CandidateBlock candidateBlock, double threshold, double conflictOverride, List<StoredModel.Row> model) {
        this.candidateBlock = requireNonNull(candidateBlock, "candidateBlock is null");
        this.threshold = threshold;
        this.conflictOverride = conflictOverride;
        this.model = List.copyOf(model);
    }

    @Override
    public void open(OpenContext openContext) {
        block = new CandidateBlockState(getRuntimeContext(), candidateBlock.maxBlockSize());
        touched = getRuntimeContext().getState(new ValueStateDescriptor<>("candidate-block-touched", Types.BOOLEAN));
        previousLinks = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("previous-links", TypeInformation.of(Link.class)));
        endOfInput = new EndOfInputTimer(getRuntimeContext());
        counters = new CandidateBlockCounters(getRuntimeContext());
        scorer = new PairScorer(threshold, conflictOverride, model);
    }

    @Override
    public void processElement1(CandidateEntry entry, Context context, Collector<Link> out) throws Exception {
        endOfInput.await(context.timerService());
        block.add(entry.record);
    }

    @Override
    public void processElement2(BlockUpdate update, Context context, Collector<Link> out) throws Exception {
        endOfInput.await(context.timerService());
        if (update.touched) {
            touched.update(true);
        } else {
            previousLinks.add(update.previousLink);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Link> out) throws Exception {
        CandidateBlockState.Gathered gathered = block.drain();
        boolean compare = Boolean.TRUE.equals(touched.value());
        Iterable<Link> previous = previousLinks.get();
        if (compare) {
            if (!gathered.records().isEmpty()) {
                String key = context.getCurrentKey();
                List<CandidateBlock.ComparedPair> pairs =
                        candidateBlock.compare(key, gathered.records(), gathered.size());
                counters.compared(candidateBlock, gathered.size(), pairs);
                scorer.linkAll(key, pairs, out);
            }
        } else {
            if (!gathered.records().isEmpty()) {
                counters.kept();
            }
            for (Link link : previous) {
                context.output(KEPT_LINKS, link);
            }
        }
        touched.clear();
        previousLinks.clear();
        endOfInput.clear();
    }
}
