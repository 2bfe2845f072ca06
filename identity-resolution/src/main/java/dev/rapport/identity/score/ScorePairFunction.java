package dev.rapport.identity.score;

import dev.rapport.identity.block.CandidateKeyRule;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.model.FellegiSunterModel;
import dev.rapport.identity.model.PatternWeights;
import dev.rapport.identity.model.StoredModel;
import dev.rapport.identity.model.TermFrequencyAdjustment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.co.BroadcastProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Scores each distinct candidate pair ({@link ComparedPairFunction}) under the model whose rows of
 * {@code identity.match_model} arrive as broadcast input: estimated in this run, or stored by an
 * earlier one. A bounded job processes the broadcast input first, so every pair sees the whole
 * model; with the model fixed a pair's link depends on the pair alone, so pairs are scored in
 * parallel, with no state. Emits the pair's link once for the match graph (the link it kept from
 * the previous run when it no longer links in the blocks compared now), and once per block it was
 * compared in to {@link #BLOCK_LINKS}, for {@code identity.match_links}.
 */
public final class ScorePairFunction extends BroadcastProcessFunction<CandidatePair, StoredModel.Row, Link> {

    private static final long serialVersionUID = 1L;

    /** The rows of the model, by field and level. */
    public static final MapStateDescriptor<String, StoredModel.Row> MODEL_ROWS =
            new MapStateDescriptor<>("model-rows", Types.STRING, TypeInformation.of(StoredModel.Row.class));

    /** The pair's link in each of its blocks, block keys with {@link CandidateKeyRule#STORED_PREFIX}. */
    public static final OutputTag<Link> BLOCK_LINKS = new OutputTag<>("probabilistic-block-links") {};

    private final double threshold;
    private final double conflictOverride;

    private transient ProbabilisticLinker linker;
    private transient FellegiSunterModel model;
    private transient TermFrequencyAdjustment termFrequencies;
    private transient Map<Integer, PatternWeights> patternWeights;

    public ScorePairFunction(double threshold, double conflictOverride) {
        this.threshold = threshold;
        this.conflictOverride = conflictOverride;
    }

    @Override
    public void open(OpenContext openContext) {
        linker = new ProbabilisticLinker(threshold, conflictOverride);
        patternWeights = new HashMap<>();
    }

    @Override
    public void processBroadcastElement(StoredModel.Row row, Context context, Collector<Link> out) throws Exception {
        context.getBroadcastState(MODEL_ROWS).put(row.field() + ":" + row.level(), row);
        model = null;
    }

    @Override
    public void processElement(CandidatePair pair, ReadOnlyContext context, Collector<Link> out) throws Exception {
        if (model == null) {
            List<StoredModel.Row> rows = new ArrayList<>();
            context.getBroadcastState(MODEL_ROWS).immutableEntries().forEach(entry -> rows.add(entry.getValue()));
            model = StoredModel.model(rows);
            termFrequencies = StoredModel.termFrequencies(rows);
            patternWeights.clear();
        }
        Link link = linker.link(pair, model, termFrequencies, patternWeights);
        if (link != null) {
            for (String block : pair.blocks) {
                context.output(BLOCK_LINKS, link.inBlock(CandidateKeyRule.STORED_PREFIX + block));
            }
        } else {
            link = pair.kept;
        }
        if (link != null) {
            out.collect(link);
        }
    }
}
