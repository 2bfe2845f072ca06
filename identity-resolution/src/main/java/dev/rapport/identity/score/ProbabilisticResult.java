package dev.rapport.identity.score;

import dev.rapport.identity.match.Link;
import dev.rapport.identity.model.StoredModel;

/**
 * What the estimating scorer emits: a link, or a row of the model it estimated (for
 * {@code identity.match_model}). One type so both leave the one operator. A Flink POJO.
 */
public class ProbabilisticResult {

    public Link link;
    public StoredModel.Row modelRow;

    public ProbabilisticResult() {}

    public static ProbabilisticResult link(Link link) {
        ProbabilisticResult result = new ProbabilisticResult();
        result.link = link;
        return result;
    }

    public static ProbabilisticResult modelRow(StoredModel.Row row) {
        ProbabilisticResult result = new ProbabilisticResult();
        result.modelRow = row;
        return result;
    }
}
