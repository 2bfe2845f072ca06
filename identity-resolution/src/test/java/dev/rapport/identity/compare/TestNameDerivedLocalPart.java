package dev.rapport.identity.compare;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestNameDerivedLocalPart {

    @Test
    void localPartsMadeOfNamesAndInitialsAreNameDerived() {
        assertThat(NameDerivedLocalPart.test("n.kostic", "nenad", "kostic")).isTrue();
        assertThat(NameDerivedLocalPart.test("petrovic.milica", "milica", "petrovic"))
                .isTrue();
        assertThat(NameDerivedLocalPart.test("d_johnson", "daniel", "johnson")).isTrue();
        assertThat(NameDerivedLocalPart.test("nenadkostic85", "nenad", "kostic"))
                .isTrue();
        assertThat(NameDerivedLocalPart.test("nenad123", "nenad", "kostic")).isTrue();
        assertThat(NameDerivedLocalPart.test("nenad.kostic+shop", "nenad", "kostic"))
                .isTrue();
    }

    @Test
    void aNameTransliteratedAnotherWayStillFits() {
        // the name key folds "Đorđević" to "dordevic"; its owner writes "djordjevic"
        assertThat(NameDerivedLocalPart.test("m.djordjevic", "milan", "dordevic"))
                .isTrue();
    }

    @Test
    void localPartsNotMadeOfTheNameAreNot() {
        assertThat(NameDerivedLocalPart.test("bluefox77", "nenad", "kostic")).isFalse();
        assertThat(NameDerivedLocalPart.test("kostic.marko", "nenad", "kostic")).isFalse();
        assertThat(NameDerivedLocalPart.test("1985", "nenad", "kostic")).isFalse();
        assertThat(NameDerivedLocalPart.test("n.kostic", null, null)).isFalse();
        assertThat(NameDerivedLocalPart.test(null, "nenad", "kostic")).isFalse();
    }
}
