package dev.rapport.identity.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TestStoredModel {

    @Test
    void modelReadBackScoresEveryPatternExactlyAsTheStoredOne() {
        SortedMap<Integer, Long> random = new TreeMap<>();
        random.put(ComparisonPattern.encode(new byte[] {4, 4, 4, 3, 3, 3, 3, 3, 3}), 900L);
        random.put(ComparisonPattern.encode(new byte[] {1, 4, 3, 0, 3, 3, 1, 1, 3}), 90L);
        SortedMap<Integer, Long> candidates = new TreeMap<>();
        candidates.put(ComparisonPattern.encode(new byte[] {1, 1, 1, 0, 1, 0, 1, 1, 2}), 40L);
        candidates.put(ComparisonPattern.encode(new byte[] {1, 1, 4, 0, 3, 3, 1, 1, 3}), 60L);
        double[][] randomU = ModelEstimator.estimateU(random);
        FellegiSunterModel model =
                ModelEstimator.forAllPairs(ModelEstimator.estimate(candidates, randomU), randomU, 100, 1000);

        FellegiSunterModel readBack = StoredModel.model(StoredModel.rows(model));

        for (int pattern : List.of(
                ComparisonPattern.encode(new byte[] {1, 1, 1, 0, 1, 0, 1, 1, 2}),
                ComparisonPattern.encode(new byte[] {1, 1, 4, 0, 3, 3, 1, 1, 3}),
                ComparisonPattern.encode(new byte[] {2, 1, 0, 0, 0, 1, 0, 2, 0}))) {
            assertThat(readBack.matchProbability(pattern)).isEqualTo(model.matchProbability(pattern));
        }
        assertThat(readBack.describe()).isEqualTo(model.describe());
    }

    @Test
    void incompleteModelIsRefused() {
        FellegiSunterModel model = new FellegiSunterModel(ModelEstimator.initialM(), ModelEstimator.initialM(), 0.1);
        List<StoredModel.Row> rows = StoredModel.rows(model);
        assertThatThrownBy(() -> StoredModel.model(rows.subList(1, rows.size())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("identity.match_model has no row for GIVEN_NAME level 1");
    }
}
