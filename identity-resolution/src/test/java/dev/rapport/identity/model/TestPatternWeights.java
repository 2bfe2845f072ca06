package dev.rapport.identity.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.identity.compare.MatchField;
import org.junit.jupiter.api.Test;

class TestPatternWeights {

    /** All pairs: agreement 2^6 likelier among matches; the candidates' view: only 2^2. */
    private final FellegiSunterModel candidates = model(4, 0.3);

    private final FellegiSunterModel allPairs = new FellegiSunterModel(m(), u(64), 0.001, candidates);

    @Test
    void eachFieldWeighsLog2OfMOverUAndAMissingValueNothing() {
        int pattern = pattern(MatchField.GIVEN_NAME, 1, MatchField.CITY, 3);
        FellegiSunterModel single = new FellegiSunterModel(m(), u(64), 0.001);

        PatternWeights weights = PatternWeights.of(single, pattern);

        assertThat(weights.fields()[MatchField.GIVEN_NAME.ordinal()]).isCloseTo(log2(0.3 / (0.3 / 64)), within(1e-9));
        assertThat(weights.fields()[MatchField.CITY.ordinal()]).isCloseTo(log2(0.1 / 0.8), within(1e-9));
        assertThat(weights.fields()[MatchField.EMAIL.ordinal()]).isZero();
        assertThat(weights.prior()).isCloseTo(log2(0.001 / 0.999), within(1e-9));
    }

    @Test
    void priorPlusFieldWeightsAreTheLog2OddsOfTheProbability() {
        int strong = pattern(
                MatchField.GIVEN_NAME, 1, MatchField.FAMILY_NAME, 1, MatchField.BIRTH_DATE, 1, MatchField.EMAIL, 1);
        int weak = pattern(MatchField.FAMILY_NAME, 1, MatchField.CITY, 3);
        for (int pattern : new int[] {strong, weak}) {
            PatternWeights weights = PatternWeights.of(allPairs, pattern);

            assertThat(weights.probability()).isEqualTo(allPairs.matchProbability(pattern));
            assertThat(1 / (1 + Math.pow(2, -weights.total()))).isCloseTo(weights.probability(), within(1e-12));
        }
    }

    @Test
    void theWeightsAreThoseOfTheViewThatDecidedTheProbability() {
        // the candidates' view is less sure of strong agreement (smaller weights), the all-pairs view
        // of a lone family name (a much smaller prior)
        int strong = pattern(
                MatchField.GIVEN_NAME, 1, MatchField.FAMILY_NAME, 1, MatchField.BIRTH_DATE, 1, MatchField.EMAIL, 1);
        int weak = pattern(MatchField.FAMILY_NAME, 1);

        assertThat(allPairs.decidingView(strong)).isSameAs(candidates);
        assertThat(PatternWeights.of(allPairs, strong).fields()[MatchField.EMAIL.ordinal()])
                .isCloseTo(2, within(1e-9));
        assertThat(allPairs.decidingView(weak)).isSameAs(allPairs);
        assertThat(PatternWeights.of(allPairs, weak).fields()[MatchField.FAMILY_NAME.ordinal()])
                .isCloseTo(6, within(1e-9));
    }

    private static double log2(double value) {
        return Math.log(value) / Math.log(2);
    }

    private static FellegiSunterModel model(double ratio, double lambda) {
        return new FellegiSunterModel(m(), u(ratio), lambda);
    }

    /** Agreeing levels share 0.9 among matches; disagreement is 0.1. */
    private static double[][] m() {
        MatchField[] fields = MatchField.values();
        double[][] m = new double[fields.length][];
        for (MatchField field : fields) {
            int levels = field.levelCount();
            m[field.ordinal()] = new double[levels];
            for (int level = 1; level < levels; level++) {
                m[field.ordinal()][level] = level == field.differentLevel() ? 0.1 : 0.9 / (levels - 2);
            }
        }
        return m;
    }

    /** Agreement {@code ratio} times rarer among non-matches than among matches; disagreement 0.8. */
    private static double[][] u(double ratio) {
        MatchField[] fields = MatchField.values();
        double[][] u = new double[fields.length][];
        for (MatchField field : fields) {
            int levels = field.levelCount();
            u[field.ordinal()] = new double[levels];
            for (int level = 1; level < levels; level++) {
                u[field.ordinal()][level] = level == field.differentLevel() ? 0.8 : 0.9 / (levels - 2) / ratio;
            }
        }
        return u;
    }

    private static int pattern(Object... fieldsAndLevels) {
        byte[] levels = new byte[MatchField.values().length];
        for (int i = 0; i < fieldsAndLevels.length; i += 2) {
            levels[((MatchField) fieldsAndLevels[i]).ordinal()] = (byte) (int) (Integer) fieldsAndLevels[i + 1];
        }
        return ComparisonPattern.encode(levels);
    }
}
