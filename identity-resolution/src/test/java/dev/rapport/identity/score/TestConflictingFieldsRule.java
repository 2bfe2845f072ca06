package dev.rapport.identity.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.identity.compare.MatchField;
import dev.rapport.identity.model.ComparisonPattern;
import dev.rapport.identity.model.FellegiSunterModel;
import org.junit.jupiter.api.Test;

class TestConflictingFieldsRule {

    private final ConflictingFieldsRule rule = new ConflictingFieldsRule(0.995);
    private final FellegiSunterModel model = model();

    @Test
    void aDifferentBirthDateVetoesWhenTheRestIsOnlyAName() {
        int namesakes = pattern(MatchField.GIVEN_NAME, 1, MatchField.FAMILY_NAME, 1, MatchField.BIRTH_DATE, 4);

        assertThat(model.matchProbability(namesakes, MatchField.BIRTH_DATE)).isLessThan(0.995);
        assertThat(rule.allows(namesakes, model)).isFalse();
    }

    @Test
    void aDifferentBirthDateGivesWayToOverwhelmingOtherEvidence() {
        int typedBadly = pattern(
                MatchField.GIVEN_NAME,
                1,
                MatchField.FAMILY_NAME,
                1,
                MatchField.BIRTH_DATE,
                4,
                MatchField.EMAIL,
                1,
                MatchField.CITY,
                1);

        assertThat(model.matchProbability(typedBadly, MatchField.BIRTH_DATE)).isGreaterThanOrEqualTo(0.995);
        assertThat(rule.allows(typedBadly, model)).isTrue();
    }

    @Test
    void theSameNationalIdLiftsABirthDateConflict() {
        int sameId = pattern(MatchField.FAMILY_NAME, 1, MatchField.BIRTH_DATE, 4, MatchField.NATIONAL_ID, 1);

        assertThat(rule.allows(sameId, model)).isTrue();
    }

    @Test
    void differentNationalIdsVetoUnlessTheRestIsOverwhelming() {
        int weak = pattern(MatchField.GIVEN_NAME, 1, MatchField.FAMILY_NAME, 1, MatchField.NATIONAL_ID, 3);
        int strong = pattern(
                MatchField.GIVEN_NAME,
                1,
                MatchField.FAMILY_NAME,
                1,
                MatchField.NATIONAL_ID,
                3,
                MatchField.EMAIL,
                1,
                MatchField.CITY,
                1);

        assertThat(rule.allows(weak, model)).isFalse();
        assertThat(rule.allows(strong, model)).isTrue();
    }

    @Test
    void noConflictNoVeto() {
        assertThat(rule.allows(pattern(MatchField.GIVEN_NAME, 1, MatchField.BIRTH_DATE, 3), model))
                .isTrue();
    }

    @Test
    void theOverrideMustBeAProbability() {
        assertThatThrownBy(() -> new ConflictingFieldsRule(1.0)).isInstanceOf(IllegalArgumentException.class);
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

    private static int pattern(Object... fieldsAndLevels) {
        byte[] levels = new byte[MatchField.values().length];
        for (int i = 0; i < fieldsAndLevels.length; i += 2) {
            levels[((MatchField) fieldsAndLevels[i]).ordinal()] = (byte) (int) (Integer) fieldsAndLevels[i + 1];
        }
        return ComparisonPattern.encode(levels);
    }
}
