package dev.rapport.identity.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rapport.identity.compare.MatchField;
import java.util.List;
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

    @Test
    void namesakesThatDifferOnEverythingElseAreNotTakenForMatches() {
        // blocking on names brings many namesakes (same names, another city, phone and street)
        // and fewer true matches (everything agrees)
        byte[] match = levels(1);
        byte[] namesake = new byte[MatchField.values().length];
        namesake[MatchField.GIVEN_NAME.ordinal()] = 1;
        namesake[MatchField.FAMILY_NAME.ordinal()] = 1;
        for (MatchField field : List.of(MatchField.PHONE, MatchField.POSTCODE, MatchField.CITY, MatchField.STREET)) {
            namesake[field.ordinal()] = (byte) field.differentLevel();
        }
        byte[] familyOnly = levels(0);
        familyOnly[MatchField.FAMILY_NAME.ordinal()] = 1;
        familyOnly[MatchField.GIVEN_NAME.ordinal()] = (byte) MatchField.GIVEN_NAME.differentLevel();
        familyOnly[MatchField.POSTCODE.ordinal()] = 1;
        familyOnly[MatchField.CITY.ordinal()] = 1;
        SortedMap<Integer, Long> random = new TreeMap<>();
        byte[] allDiffer = new byte[MatchField.values().length];
        for (MatchField field : MatchField.values()) {
            allDiffer[field.ordinal()] = (byte) field.differentLevel();
        }
        random.put(ComparisonPattern.encode(allDiffer), 100_000L);
        random.put(ComparisonPattern.encode(namesake), 10L);
        SortedMap<Integer, Long> candidates = new TreeMap<>();
        candidates.put(ComparisonPattern.encode(match), 500L);
        candidates.put(ComparisonPattern.encode(namesake), 3000L);
        candidates.put(ComparisonPattern.encode(familyOnly), 20_000L);

        FellegiSunterModel model = ModelEstimator.estimate(candidates, ModelEstimator.estimateU(random));

        assertThat(model.matchProbability(ComparisonPattern.encode(namesake))).isLessThan(0.01);
        assertThat(model.matchProbability(ComparisonPattern.encode(match))).isGreaterThan(0.99);
        for (MatchField field : List.of(MatchField.PHONE, MatchField.POSTCODE, MatchField.CITY, MatchField.STREET)) {
            assertThat(model.weight(field, field.differentLevel()))
                    .as(field.label())
                    .isLessThan(-3);
        }
    }

    @Test
    void aLevelThatIsNoEvidenceWeighsNothing() {
        byte[] levels = levels(0);
        levels[MatchField.EMAIL.ordinal()] = (byte) MatchField.EMAIL_NAME_DERIVED;
        FellegiSunterModel model = ModelEstimator.estimate(new TreeMap<>(), ModelEstimator.estimateU(new TreeMap<>()));

        assertThat(model.weight(MatchField.EMAIL, MatchField.EMAIL_NAME_DERIVED))
                .isZero();
        assertThat(model.matchProbability(ComparisonPattern.encode(levels)))
                .isEqualTo(model.matchProbability(ComparisonPattern.encode(levels(0))));
    }

    private static byte[] levels(int level) {
        byte[] levels = new byte[MatchField.values().length];
        java.util.Arrays.fill(levels, (byte) level);
        return levels;
    }
}
