package dev.rapport.identity.match;

import static dev.rapport.identity.match.NameCompatibilityRule.compatible;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestNameCompatibilityRule {

    @Test
    void theSameNameIsCompatible() {
        assertThat(compatible("ana", "petrovic", "ana", "petrovic")).isTrue();
    }

    @Test
    void aHouseholdWithOneFamilyNameIsNot() {
        assertThat(compatible("marko", "nikolic", "jelena", "nikolic")).isFalse();
    }

    @Test
    void similarGivenNamesOfOneFamilyAreNot() {
        assertThat(compatible("marko", "nikolic", "mirko", "nikolic")).isFalse();
    }

    @Test
    void differentFamilyNamesAreNot() {
        assertThat(compatible("ana", "petrovic", "ana", "jovanovic")).isFalse();
    }

    @Test
    void aTypoOrVariantIsCompatible() {
        assertThat(compatible("ana", "petrovic", "ana", "petrovich")).isTrue();
        assertThat(compatible("ana", "petrovic", "anna", "petrovic")).isTrue();
    }

    @Test
    void aRecordWithoutANameIsCompatibleWithAnyone() {
        assertThat(compatible(null, null, "ana", "petrovic")).isTrue();
        assertThat(compatible("ana", "petrovic", "", " ")).isTrue();
    }

    @Test
    void aMissingPartAgreesWithAnything() {
        assertThat(compatible("ana", null, "ana", "petrovic")).isTrue();
        assertThat(compatible(null, "petrovic", "marko", "petrovic")).isTrue();
        assertThat(compatible("ana", null, "marko", "petrovic")).isFalse();
    }

    @Test
    void theCheckSaysHowTheNamesAgree() {
        assertThat(NameCompatibilityRule.check("ana", "petrovic", "ana", "petrovic"))
                .isEqualTo(NameCheck.EXACT);
        assertThat(NameCompatibilityRule.check("ana", null, "ana", "petrovic")).isEqualTo(NameCheck.EXACT);
        assertThat(NameCompatibilityRule.check("ana", "petrovic", "anna", "petrovic"))
                .isEqualTo(NameCheck.CLOSE);
        assertThat(NameCompatibilityRule.check(null, null, "ana", "petrovic")).isEqualTo(NameCheck.MISSING);
        assertThat(NameCompatibilityRule.check("marko", "nikolic", "jelena", "nikolic"))
                .isEqualTo(NameCheck.DIFFERENT);
    }

    @Test
    void completenessCountsTheNameParts() {
        assertThat(NameCompatibilityRule.completeness("ana", "petrovic")).isEqualTo(2);
        assertThat(NameCompatibilityRule.completeness(null, "petrovic")).isEqualTo(1);
        assertThat(NameCompatibilityRule.completeness(" ", null)).isZero();
    }
}
