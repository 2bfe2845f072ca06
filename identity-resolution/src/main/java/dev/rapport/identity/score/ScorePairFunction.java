package dev.rapport.identity.score;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.block.CandidateKeyRule;
import dev.rapport.identity.compare.RecordComparator;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.model.FellegiSunterModel;
import dev.rapport.identity.model.TermFrequencyAdjustment;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.flink.api.common.accumulators.LongCounter;
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
 * Scores one candidate pair (keyed by {@link CandidatePair#key()}) with a model estimated earlier,
 * so pairs are scored in parallel: with a fixed model a pair's link depends on the pair alone. The
 * first input is the pair as compared in each candidate block it was compared in this run; the
 * second, links the previous run made for it in blocks this (incremental) run did not compare
 * again. Emits the pair's link once for the match graph, and once per block to
 * {@link #BLOCK_LINKS} for {@code identity.match_links}.
 */
public final class ScorePairFunction extends KeyedCoProcessFunction<String, CandidatePair, Link, Link> {

    private static final long serialVersionUID = 1L;

    /** The pair's link in each of its blocks, block keys with {@link CandidateKeyRule#STORED_PREFIX}. */
    public static final OutputTag<Link> BLOCK_LINKS = new OutputTag<>("probabilistic-block-links") {};

    private final FellegiSunterModel model;
    private final TermFrequencyAdjustment termFrequencies;
    private final RecordComparator comparator;
    private final double threshold;
    private final double conflictOverride;

    private transient ProbabilisticLinker linker;

    private transient ListState<CandidatePair> compared;
    private transient ListState<Link> previousLinks;
    private transient ValueState<Boolean> timerSet;
    private transient LongCounter candidatePairs;

    public ScorePairFunction(
            FellegiSunterModel model,
            TermFrequencyAdjustment termFrequencies,
            RecordComparator comparator,
            double threshold,
            double conflictOverride) {
        this.model = requireNonNull(model, "model is null");
        this.termFrequencies = requireNonNull(termFrequencies, "termFrequencies is null");
        this.comparator = requireNonNull(comparator, "comparator is null");
        this.threshold = threshold;
        this.conflictOverride = conflictOverride;
    }

    @Override
    public void open(OpenContext openContext) {
        linker = new ProbabilisticLinker(comparator, threshold, conflictOverride);
        compared = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("compared", TypeInformation.of(CandidatePair.class)));
        previousLinks = getRuntimeContext()
                .getListState(new ListStateDescriptor<>("previous-links", TypeInformation.of(Link.class)));
        timerSet = getRuntimeContext().getState(new ValueStateDescriptor<>("timer-set", Types.BOOLEAN));
        candidatePairs = new LongCounter();
        getRuntimeContext().addAccumulator(ProbabilisticLinkFunction.CANDIDATE_PAIRS, candidatePairs);
    }

    @Override
    public void processElement1(CandidatePair pair, Context context, Collector<Link> out) throws Exception {
        awaitEnd(context);
        compared.add(pair);
    }

    @Override
    public void processElement2(Link link, Context context, Collector<Link> out) throws Exception {
        awaitEnd(context);
        previousLinks.add(link);
    }

    private void awaitEnd(Context context) throws Exception {
        if (timerSet.value() == null) {
            timerSet.update(true);
            context.timerService().registerEventTimeTimer(Long.MAX_VALUE);
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<Link> out) throws Exception {
        CandidatePair pair = null;
        TreeSet<String> blocks = new TreeSet<>();
        for (CandidatePair seen : compared.get()) {
            pair = seen;
            blocks.add(seen.block);
        }
        List<Link> previous = new ArrayList<>();
        for (Link link : previousLinks.get()) {
            previous.add(link);
        }
        compared.clear();
        previousLinks.clear();
        timerSet.clear();
        Link link = null;
        if (pair != null) {
            candidatePairs.add(1L);
            link = linker.link(
                    pair, model, ProbabilisticLinker.score(model, pair, termFrequencies, new java.util.HashMap<>()));
            if (link != null) {
                for (String block : blocks) {
                    context.output(BLOCK_LINKS, link.inBlock(CandidateKeyRule.STORED_PREFIX + block));
                }
            }
        }
        for (Link kept : previous) {
            context.output(BLOCK_LINKS, kept);
        }
        if (link == null && !previous.isEmpty()) {
            Link kept = previous.get(0);
            link = kept.withoutBlock();
        }
        if (link != null) {
            out.collect(link);
        }
    }
}
