package dev.rapport.identity.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.identity.compare.MatchField;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TestTermFrequencyAdjustment {

    private final FellegiSunterModel model = model();
    private final TermFrequencyAdjustment adjustment = new TermFrequencyAdjustment(10_000, 10_000);

    @Test
    void aCommonNameWeighsLessThanARareOne() {
        int bothNames = pattern(1, 1);

        double common = adjustment.logOdds(model, bothNames, 500, 400);
        double rare = adjustment.logOdds(model, bothNames, 3, 4);

        assertThat(common).isNegative();
        assertThat(rare).isPositive();
        assertThat(model.matchProbability(bothNames, null, common))
                .isLessThan(model.matchProbability(bothNames, null, rare));
    }

    @Test
    void theAdjustmentIsTheRatioOfTheAverageToTheValuesFrequency() {
        double u = model.u(MatchField.GIVEN_NAME, 1);

        // 202 records share the name: 200 besides the pair's own two
        assertThat(adjustment.logOdds(model, pattern(1, 0), 202, 0)).isCloseTo(Math.log(u / 0.02), within(1e-9));
    }

    @Test
    void onlyExactAgreementWithAKnownCountIsAdjusted() {
        assertThat(adjustment.logOdds(model, pattern(2, 4), 500, 400)).isZero();
        assertThat(adjustment.logOdds(model, pattern(1, 1), 0, 0)).isZero();
        assertThat(new TermFrequencyAdjustment(0, 0).logOdds(model, pattern(1, 1), 5, 5))
                .isZero();
    }

    @Test
    void aNameOnlyThePairHasCountsAsOneOtherRecord() {
        double u = model.u(MatchField.GIVEN_NAME, 1);

        assertThat(adjustment.logOdds(model, pattern(1, 0), 2, 0)).isCloseTo(Math.log(u / 1e-4), within(1e-9));
        assertThat(adjustment.logOdds(model, pattern(1, 0), 3, 0))
                .isEqualTo(adjustment.logOdds(model, pattern(1, 0), 2, 0));
    }

    private static int pattern(int given, int family) {
        byte[] levels = new byte[MatchField.values().length];
        levels[MatchField.GIVEN_NAME.ordinal()] = (byte) given;
        levels[MatchField.FAMILY_NAME.ordinal()] = (byte) family;
        return ComparisonPattern.encode(levels);
    }

    private static FellegiSunterModel model() {
        byte[] differ = new byte[MatchField.values().length];
        for (MatchField field : MatchField.values()) {
            differ[field.ordinal()] = (byte) field.differentLevel();
        }
        SortedMap<Integer, Long> random = new TreeMap<>();
        random.put(ComparisonPattern.encode(differ), 10_000L);
        random.put(pattern(1, 1), 100L);
        return ModelEstimator.forAllPairs(
                ModelEstimator.estimate(new TreeMap<>(), ModelEstimator.estimateU(random)),
                ModelEstimator.estimateU(random),
                1000,
                10_000);
    }
}
