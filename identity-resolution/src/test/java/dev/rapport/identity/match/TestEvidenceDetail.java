package dev.rapport.identity.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import dev.rapport.identity.compare.MatchField;
import org.junit.jupiter.api.Test;

class TestEvidenceDetail {

    @Test
    void aProbabilisticLinkHasEveryFieldWithItsLevelAndWeight() {
        byte[] levels = new byte[MatchField.values().length];
        double[] weights = new double[levels.length];
        levels[MatchField.GIVEN_NAME.ordinal()] = 2;
        weights[MatchField.GIVEN_NAME.ordinal()] = 3.25;
        levels[MatchField.BIRTH_DATE.ordinal()] = 2;
        weights[MatchField.BIRTH_DATE.ordinal()] = 4.5;
        levels[MatchField.EMAIL.ordinal()] = 1;
        weights[MatchField.EMAIL.ordinal()] = 9.0;
        levels[MatchField.CITY.ordinal()] = 3;
        weights[MatchField.CITY.ordinal()] = -2.5;
        Evidence evidence =
                new Evidence("c-1", Link.probabilistic("r2", "r1", "probabilistic", 0.998, levels, weights, -20.0));

        assertThat(EvidenceDetail.levels(evidence))
                .containsExactly(
                        entry("given_name", "close_or_nickname"),
                        entry("family_name", "missing"),
                        entry("birth_date", "one_digit_typo_or_day_month_swap"),
                        entry("national_id", "missing"),
                        entry("email", "exact"),
                        entry("phone", "missing"),
                        entry("postcode", "missing"),
                        entry("city", "different"),
                        entry("street", "missing"));
        assertThat(EvidenceDetail.weights(evidence))
                .hasSize(MatchField.values().length)
                .containsEntry("given_name", 3.25)
                .containsEntry("city", -2.5)
                .containsEntry("phone", 0.0);
        assertThat(EvidenceDetail.priorWeight(evidence)).isEqualTo(-20.0);
        assertThat(EvidenceDetail.totalWeight(evidence)).isCloseTo(-20.0 + 3.25 + 4.5 + 9.0 - 2.5, within(1e-12));
    }

    @Test
    void aDeterministicLinkHasTheSharedIdentifierAndTheNameCheckWithoutWeights() {
        Evidence evidence = new Evidence("c-1", Link.deterministic("r2", "r1", "phone", NameCheck.CLOSE));

        assertThat(EvidenceDetail.levels(evidence)).containsExactly(entry("phone", "exact"), entry("name", "close"));
        assertThat(EvidenceDetail.weights(evidence)).isNull();
        assertThat(EvidenceDetail.priorWeight(evidence)).isNull();
        assertThat(EvidenceDetail.totalWeight(evidence)).isNull();
    }

    @Test
    void aLinkWithoutEvidenceHasNoLevels() {
        assertThat(EvidenceDetail.levels(new Evidence("c-1", new Link("r2", "r1", "email"))))
                .isEmpty();
    }

    @Test
    void everyLevelHasASnakeCaseCode() {
        for (MatchField field : MatchField.values()) {
            assertThat(MatchField.ofColumn(field.column())).contains(field);
            for (int level = 0; level < field.levelCount(); level++) {
                assertThat(field.levelCode(level)).matches("[a-z0-9]+(_[a-z0-9]+)*");
            }
        }
        assertThat(MatchField.GIVEN_NAME.levelCode(0)).isEqualTo("missing");
        assertThat(MatchField.PHONE.levelCode(MatchField.PHONE.differentLevel()))
                .isEqualTo("different");
    }
}
