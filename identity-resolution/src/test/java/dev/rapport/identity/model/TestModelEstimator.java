package dev.rapport.identity.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.compare.MatchField;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TestModelEstimator {

    @Test
    void patternsRoundTrip() {
        byte[] levels = {1, 4, 2, 0, 3, 0, 1, 2, 3};
        int pattern = ComparisonPattern.encode(levels);

        assertThat(ComparisonPattern.decode(pattern)).containsExactly(levels);
        assertThat(ComparisonPattern.level(pattern, MatchField.FAMILY_NAME)).isEqualTo(4);
    }

    @Test
    void emSeparatesAgreeingPairsFromDisagreeingOnesWithoutLabels() {
        byte[] allAgree = levels(1);
        byte[] allDiffer = new byte[MatchField.values().length];
        for (MatchField field : MatchField.values()) {
            allDiffer[field.ordinal()] = (byte) field.differentLevel();
        }
        SortedMap<Integer, Long> random = new TreeMap<>();
        random.put(ComparisonPattern.encode(allDiffer), 10_000L);
        random.put(ComparisonPattern.encode(allAgree), 1L);
        SortedMap<Integer, Long> candidates = new TreeMap<>();
        candidates.put(ComparisonPattern.encode(allAgree), 300L);
        candidates.put(ComparisonPattern.encode(allDiffer), 700L);

        FellegiSunterModel model = ModelEstimator.estimate(candidates, ModelEstimator.estimateU(random));

        assertThat(model.matchProbability(ComparisonPattern.encode(allAgree))).isGreaterThan(0.99);
        assertThat(model.matchProbability(ComparisonPattern.encode(allDiffer))).isLessThan(0.01);
        assertThat(model.lambda()).isBetween(0.25, 0.35);
        // the same input gives the same model, bit for bit
        assertThat(ModelEstimator.estimate(candidates, ModelEstimator.estimateU(random))
                        .describe())
                .isEqualTo(model.describe());
    }

    @Test
    void candidatesThatAreNearlyAllMatchesDoNotMakeWeakAgreementCertain() {
        // a duplicate-rich set: EM over the candidates alone finds hardly any non-matches
        byte[] familyOnly = new byte[MatchField.values().length];
        familyOnly[MatchField.FAMILY_NAME.ordinal()] = 1;
        byte[] allAgree = levels(1);
        SortedMap<Integer, Long> random = new TreeMap<>();
        byte[] allDiffer = new byte[MatchField.values().length];
        for (MatchField field : MatchField.values()) {
            allDiffer[field.ordinal()] = (byte) field.differentLevel();
        }
        random.put(ComparisonPattern.encode(allDiffer), 10_000L);
        random.put(ComparisonPattern.encode(familyOnly), 100L);
        SortedMap<Integer, Long> candidates = new TreeMap<>();
        candidates.put(ComparisonPattern.encode(allAgree), 900L);
        candidates.put(ComparisonPattern.encode(familyOnly), 100L);
        double[][] randomU = ModelEstimator.estimateU(random);

        FellegiSunterModel amongCandidates = ModelEstimator.estimate(candidates, randomU);
        FellegiSunterModel amongAllPairs = ModelEstimator.forAllPairs(amongCandidates, randomU, 1000, 2000);

        assertThat(amongCandidates.matchProbability(ComparisonPattern.encode(familyOnly)))
                .isGreaterThan(0.9);
        assertThat(amongAllPairs.matchProbability(ComparisonPattern.encode(familyOnly)))
                .isLessThan(0.5);
        assertThat(amongAllPairs.matchProbability(ComparisonPattern.encode(allAgree)))
                .isGreaterThan(0.99);
        assertThat(amongAllPairs.lambda()).isLessThan(0.001);
    }

    private static byte[] levels(int level) {
        byte[] levels = new byte[MatchField.values().length];
        java.util.Arrays.fill(levels, (byte) level);
        return levels;
    }
}
