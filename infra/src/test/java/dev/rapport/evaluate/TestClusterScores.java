package dev.rapport.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TestClusterScores {

    @Test
    void perfectClusteringScoresOne() {
        Map<String, String> truth = Map.of("a", "1", "b", "1", "c", "2");
        ClusterScores scores = ClusterScores.score(truth, Map.of("a", "x", "b", "x", "c", "y"));

        assertThat(scores.truePairs()).isEqualTo(1);
        assertThat(scores.f1()).isEqualTo(1.0);
        assertThat(scores.bcubedF1()).isEqualTo(1.0);
        assertThat(scores.customers()).isEqualTo(2);
        assertThat(scores.entities()).isEqualTo(2);
        assertThat(scores.largestCluster()).isEqualTo(2);
    }

    @Test
    void overMergeLowersPrecisionNotRecall() {
        // truth {a,b} {c}; predicted all three together: pairs ab (true), ac, bc (false)
        Map<String, String> truth = Map.of("a", "1", "b", "1", "c", "2");
        ClusterScores scores = ClusterScores.score(truth, Map.of("a", "x", "b", "x", "c", "x"));

        assertThat(scores.predictedPairs()).isEqualTo(3);
        assertThat(scores.correctPairs()).isEqualTo(1);
        assertThat(scores.precision()).isCloseTo(1.0 / 3, within(1e-9));
        assertThat(scores.recall()).isEqualTo(1.0);
        // b-cubed precision: a 2/3, b 2/3, c 1/3
        assertThat(scores.bcubedPrecision()).isCloseTo(5.0 / 9, within(1e-9));
        assertThat(scores.bcubedRecall()).isEqualTo(1.0);
        assertThat(scores.largestCluster()).isEqualTo(3);
    }

    @Test
    void missingPredictionsCountAsSingletons() {
        // truth {a,b,c}; predicted {a,b}, c not resolved (quarantined)
        Map<String, String> truth = Map.of("a", "1", "b", "1", "c", "1");
        ClusterScores scores = ClusterScores.score(truth, Map.of("a", "x", "b", "x"));

        assertThat(scores.truePairs()).isEqualTo(3);
        assertThat(scores.correctPairs()).isEqualTo(1);
        assertThat(scores.precision()).isEqualTo(1.0);
        assertThat(scores.recall()).isCloseTo(1.0 / 3, within(1e-9));
        // b-cubed recall: a 2/3, b 2/3, c 1/3
        assertThat(scores.bcubedRecall()).isCloseTo(5.0 / 9, within(1e-9));
        assertThat(scores.customers()).isEqualTo(2);
    }
}
