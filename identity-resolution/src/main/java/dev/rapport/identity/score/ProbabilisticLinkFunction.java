package dev.rapport.identity.score;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.compare.RecordComparator;
import dev.rapport.identity.model.FellegiSunterModel;
import dev.rapport.identity.model.StoredModel;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapPartitionFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimates the Fellegi-Sunter model and emits the probabilistic links. Runs at parallelism 1 (the
 * job sets it) so the estimate sees every candidate pair at once and is the same at any
 * parallelism; it holds one small object per distinct candidate pair.
 */
public final class ProbabilisticLinkFunction extends RichMapPartitionFunction<CandidatePair, ProbabilisticResult> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ProbabilisticLinkFunction.class);

    /** Accumulator: distinct candidate pairs scored. */
    public static final String CANDIDATE_PAIRS = "identity.candidate-pairs";

    private final RecordComparator comparator;
    private final double threshold;
    private final double conflictOverride;

    private transient LongCounter candidatePairs;

    public ProbabilisticLinkFunction(RecordComparator comparator, double threshold, double conflictOverride) {
        this.comparator = requireNonNull(comparator, "comparator is null");
        this.threshold = threshold;
        this.conflictOverride = conflictOverride;
    }

    @Override
    public void open(OpenContext openContext) {
        candidatePairs = new LongCounter();
        getRuntimeContext().addAccumulator(CANDIDATE_PAIRS, candidatePairs);
    }

    @Override
    public void mapPartition(Iterable<CandidatePair> inputs, Collector<ProbabilisticResult> out) {
        ProbabilisticLinker linker = new ProbabilisticLinker(comparator, threshold, conflictOverride);
        inputs.forEach(linker::add);
        candidatePairs.add(linker.candidatePairs());
        FellegiSunterModel model = linker.estimate();
        LOG.info("Fellegi-Sunter model estimated on {} candidate pairs: {}", linker.candidatePairs(), model.describe());
        StoredModel.rows(model, linker.termFrequencies())
                .forEach(row -> out.collect(ProbabilisticResult.modelRow(row)));
        linker.links(model).forEach(link -> out.collect(ProbabilisticResult.link(link)));
    }
}
