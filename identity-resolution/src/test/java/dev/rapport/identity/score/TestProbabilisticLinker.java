package dev.rapport.identity.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.identity.compare.Comparison;
import dev.rapport.identity.compare.MatchField;
import dev.rapport.identity.match.Link;
import dev.rapport.identity.model.ComparisonPattern;
import dev.rapport.identity.model.FellegiSunterModel;
import dev.rapport.identity.model.PatternWeights;
import dev.rapport.identity.model.TermFrequencyAdjustment;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestProbabilisticLinker {

    private final FellegiSunterModel model = model();

    @Test
    void eachLinkCarriesItsLevelsAndTheWeightsThatSumToItsProbability() {
        ProbabilisticLinker linker = new ProbabilisticLinker(0.9);
        byte[] strong = levels(MatchField.GIVEN_NAME, 2, MatchField.FAMILY_NAME, 1, MatchField.BIRTH_DATE, 1);
        strong[MatchField.EMAIL.ordinal()] = 1;
        strong[MatchField.CITY.ordinal()] = 3;
        byte[] weak = levels(MatchField.FAMILY_NAME, 1, MatchField.CITY, 1);
        Map<Integer, PatternWeights> cache = new HashMap<>();
        TermFrequencyAdjustment none = new TermFrequencyAdjustment(0, 0);

        Link link = linker.link(CandidatePair.of("r1", "r2", new Comparison(strong, false)), model, none, cache);

        assertThat(linker.link(CandidatePair.of("r5", "r6", new Comparison(weak, false)), model, none, cache))
                .isNull();
        assertThat(linker.link(CandidatePair.of("r3", "r4", new Comparison(strong, true)), model, none, cache))
                .as("a guarded pair")
                .isNull();
        assertThat(link.fromRecordId).isEqualTo("r1");
        assertThat(link.nameCheck).isNull();
        assertThat(link.levels).containsExactly(strong);
        int pattern = ComparisonPattern.encode(strong);
        assertThat(link.probability).isEqualTo(model.matchProbability(pattern));
        for (MatchField field : MatchField.values()) {
            assertThat(link.weights[field.ordinal()])
                    .as(field.column())
                    .isEqualTo(model.weight(field, strong[field.ordinal()]));
        }
        assertThat(link.weights[MatchField.CITY.ordinal()]).isNegative();
        assertThat(link.weights[MatchField.PHONE.ordinal()]).isZero();
        assertThat(link.priorWeight).isEqualTo(model.priorWeight());
        double total = link.priorWeight;
        for (double weight : link.weights) {
            total += weight;
        }
        assertThat(1 / (1 + Math.pow(2, -total))).isCloseTo(link.probability, within(1e-12));
    }

    /** Agreement on a field is 2^6 times likelier among matches; disagreement 2^3 times less. */
    private static FellegiSunterModel model() {
        MatchField[] fields = MatchField.values();
        double[][] m = new double[fields.length][];
        double[][] u = new double[fields.length][];
        for (MatchField field : fields) {
            int levels = field.levelCount();
            m[field.ordinal()] = new double[levels];
            u[field.ordinal()] = new double[levels];
            for (int level = 1; level < levels; level++) {
                boolean different = level == field.differentLevel();
                m[field.ordinal()][level] = different ? 0.1 : 0.9 / (levels - 2);
                u[field.ordinal()][level] = different ? 0.8 : 0.9 / (levels - 2) / 64;
            }
        }
        return new FellegiSunterModel(m, u, 0.001);
    }

    private static byte[] levels(Object... fieldsAndLevels) {
        byte[] levels = new byte[MatchField.values().length];
        for (int i = 0; i < fieldsAndLevels.length; i += 2) {
            levels[((MatchField) fieldsAndLevels[i]).ordinal()] = (byte) (int) (Integer) fieldsAndLevels[i + 1];
        }
        return levels;
    }
}
