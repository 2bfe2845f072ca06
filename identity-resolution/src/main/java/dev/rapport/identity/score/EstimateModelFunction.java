package dev.rapport.identity.score;

import static java.util.Objects.requireNonNull;

import dev.rapport.identity.compare.RecordComparator;
import dev.rapport.identity.model.FellegiSunterModel;
import dev.rapport.identity.model.StoredModel;
import org.apache.flink.api.common.functions.MapPartitionFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Estimates the Fellegi-Sunter model ({@link ModelEstimation}) and emits it as the rows of
 * {@code identity.match_model}, which the scoring operators read as broadcast input and the table
 * stores. Runs at parallelism 1 (the job sets it) over pattern counts and the sample, so its
 * memory does not grow with the number of pairs.
 */
public final class EstimateModelFunction implements MapPartitionFunction<EstimationInput, StoredModel.Row> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(EstimateModelFunction.class);

    private final RecordComparator comparator;

    public EstimateModelFunction(RecordComparator comparator) {
        this.comparator = requireNonNull(comparator, "comparator is null");
    }

    @Override
    public void mapPartition(Iterable<EstimationInput> inputs, Collector<StoredModel.Row> out) {
        ModelEstimation estimation = new ModelEstimation(comparator);
        inputs.forEach(estimation::add);
        FellegiSunterModel model = estimation.estimate();
        LOG.info(
                "Fellegi-Sunter model estimated on {} distinct candidate pairs: {}",
                estimation.candidatePairs(),
                model.describe());
        StoredModel.rows(model, estimation.termFrequencies()).forEach(out::collect);
    }
}
