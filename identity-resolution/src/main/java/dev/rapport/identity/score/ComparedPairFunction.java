package dev.rapport.identity.score;

import dev.rapport.identity.keyed.EndOfInputTimer;
import dev.rapport.identity.match.Link;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Makes one distinct pair (keyed by {@link CandidatePair#key()}) of the candidate blocks it was
 * compared in, and of the links the previous run made for it in blocks an incremental run does not
 * compare again. Emits the pair once with all its blocks ({@link CandidatePair#blocks}) and its
 * kept link, for the scoring; its comparison pattern to {@link #PATTERNS}, for the estimate (a few
 * bytes, where the pair is a hundred); the kept links, as they were, to
 * {@link #KEPT_BLOCK_LINKS}; and, for a pair not compared in this run at all, its kept link to
 * {@link #KEPT_PAIR_LINKS}: its records did not change, so neither does its link.
 *
 * <p>Holds one pair's state at a time: a bounded job sorts its input by key.
 */
public final class ComparedPairFunction extends KeyedCoProcessFunction<String, CandidatePair, Link, CandidatePair> {

    private static final long serialVersionUID = 1L;

    /** Accumulator: distinct candidate pairs compared in this run. */
    public static final String CANDIDATE_PAIRS = "identity.candidate-pairs";

    /** Links of the previous run kept for blocks not compared again, one per block. */
    public static final OutputTag<Link> KEPT_BLOCK_LINKS = new OutputTag<>("kept-block-links") {};
    /** The comparison pattern of each distinct pair compared in this run. */
    public static final OutputTag<Integer> PATTERNS = new OutputTag<>("patterns", Types.INT);
    /** The link of a pair this run did not compare in any block, as the previous run made it. */
    public static final OutputTag<Link> KEPT_PAIR_LINKS = new OutputTag<>("kept-pair-links") {};

    private transient ListState<CandidatePair> compared;
    private transient ListState<Link> previousLinks;
    private transient EndOfInputTimer endOfInput;
    private transient LongCounter candidatePairs;

    @Override
    public void open(OpenContext openContext) {
        compared = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("compared", TypeInformation.of(CandidatePair.class)));
        previousLinks = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("previous-links", TypeInformation.of(Link.class)));
        endOfInput = new EndOfInputTimer(getRuntimeContext());
        candidatePairs = new LongCounter();
        getRuntimeContext().addAccumulator(CANDIDATE_PAIRS, candidatePairs);
    }

    @Override
    public void processElement1(CandidatePair pair, Context context, Collector<CandidatePair> out) throws Exception {
        endOfInput.await(context.timerService());
        compared.add(pair);
    }

    @Override
    public void processElement2(Link link, Context context, Collector<CandidatePair> out) throws Exception {
        endOfInput.await(context.timerService());
        previousLinks.add(link);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<CandidatePair> out) throws Exception {
        CandidatePair pair = null;
        TreeSet<String> blocks = new TreeSet<>();
        for (CandidatePair seen : compared.get()) {
            pair = seen;
            blocks.add(seen.block);
        }
        List<Link> previous = new ArrayList<>();
        for (Link link : previousLinks.get()) {
            previous.add(link);
            context.output(KEPT_BLOCK_LINKS, link);
        }
        compared.clear();
        previousLinks.clear();
        endOfInput.clear();
        previous.sort(BY_BLOCK);
        Link kept = previous.isEmpty() ? null : previous.get(0).withoutBlock();
        if (pair == null) {
            if (kept != null) {
                context.output(KEPT_PAIR_LINKS, kept);
            }
            return;
        }
        candidatePairs.add(1L);
        context.output(PATTERNS, pair.pattern);
        pair.block = null;
        pair.blocks = blocks.toArray(String[]::new);
        pair.kept = kept;
        out.collect(pair);
    }

    private static final Comparator<Link> BY_BLOCK =
            Comparator.comparing(link -> link.blockKey, Comparator.nullsFirst(Comparator.naturalOrder()));
}
