package dev.rapport.identity.score;

import dev.rapport.identity.block.CandidateKeyRule;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.model.FellegiSunterModel;
import dev.rapport.identity.model.PatternWeights;
import dev.rapport.identity.model.StoredModel;
import dev.rapport.identity.model.TermFrequencyAdjustment;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;

/**
 * Applies one model, given as the rows of {@code identity.match_model}, to candidate pairs with the
 * {@link ProbabilisticLinker}: the one scoring path of estimating runs, runs that reuse the stored
 * model and incremental runs. Keeps the weights of the comparison patterns it has seen.
 */
final class PairScorer {

    private final ProbabilisticLinker linker;
    private final FellegiSunterModel model;
    private final TermFrequencyAdjustment termFrequencies;
    private final Map<Integer, PatternWeights> patternWeights = new HashMap<>();

    PairScorer(double threshold, double conflictOverride, List<StoredModel.Row> rows) {
        this.linker = new ProbabilisticLinker(threshold, conflictOverride);
        this.model = StoredModel.model(rows);
        this.termFrequencies = StoredModel.termFrequencies(rows);
    }

    /** The pair's link, or null if it does not link. */
    Link link(CandidatePair pair) {
        return linker.link(pair, model, termFrequencies, patternWeights);
    }

    /**
     * Emits the link, in candidate block {@code blockKey} (stored with
     * {@link CandidateKeyRule#STORED_PREFIX}), of each of the block's pairs that links.
     */
    void linkAll(String blockKey, List<CandidateBlock.ComparedPair> pairs, Collector<Link> out) {
        for (CandidateBlock.ComparedPair compared : pairs) {
            Link link = link(compared.pair());
            if (link != null) {
                out.collect(link.inBlock(CandidateKeyRule.STORED_PREFIX + blockKey));
            }
        }
    }
}
