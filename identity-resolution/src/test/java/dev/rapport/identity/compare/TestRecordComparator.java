package dev.rapport.identity.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestRecordComparator {

    private final RecordComparator comparator = new RecordComparator(Set.of("info")::contains);

    @Test
    void theSameLocalPartMadeOfTheNameIsNoEvidenceOfItsOwn() {
        MatchRecord crm = person("nenad", "kostic", null);
        MatchRecord namesake = person("nenad", "kostic", null);
        crm.email = "n.kostic@sbb.rs";
        namesake.email = "n.kostic@digital.rs";

        int level = comparator.compare(crm, namesake).level(MatchField.EMAIL);

        assertThat(level).isEqualTo(MatchField.EMAIL_NAME_DERIVED);
        assertThat(MatchField.EMAIL.levelName(level)).isEqualTo("same local part made of the name");
        assertThat(MatchField.EMAIL.carriesEvidence(level)).isFalse();
    }

    @Test
    void theSameLocalPartNotMadeOfTheNameStillCounts() {
        MatchRecord one = person("nenad", "kostic", null);
        MatchRecord other = person("nenad", "kostic", null);
        one.email = "bluefox77@sbb.rs";
        other.email = "bluefox77@gmail.com";

        int level = comparator.compare(one, other).level(MatchField.EMAIL);

        assertThat(level).isEqualTo(2);
        assertThat(MatchField.EMAIL.carriesEvidence(level)).isTrue();
        one.email = "nenad.kostic@sbb.rs";
        assertThat(comparator.compare(one, other).level(MatchField.EMAIL)).isEqualTo(MatchField.EMAIL.differentLevel());
    }

    @Test
    void aHouseholdMemberWrittenFamilyNameFirstIsStillGuarded() {
        MatchRecord husband = person("vukovic", "dusan", null);
        MatchRecord wife = person("ivana", "vukovic", null);
        husband.street = wife.street = "svetog save 58";

        Comparison comparison = comparator.compare(husband, wife);

        assertThat(comparison.level(MatchField.GIVEN_NAME)).isEqualTo(1);
        assertThat(comparison.guarded()).isTrue();
        assertThat(comparator
                        .compare(person("petrovic", "ana", null), person("ana", "petrovic", null))
                        .guarded())
                .isFalse();
    }

    @Test
    void swappedGivenAndFamilyNamesAgree() {
        Comparison comparison = comparator.compare(person("ana", "petrovic", null), person("petrovic", "ana", null));

        assertThat(comparison.level(MatchField.GIVEN_NAME)).isEqualTo(1);
        assertThat(comparison.level(MatchField.FAMILY_NAME)).isEqualTo(1);
    }

    @Test
    void nicknamesAndInitialsAreCloseButNotExact() {
        NameComparator names = new NameComparator();

        assertThat(names.given("bob", "robert")).isEqualTo(2);
        assertThat(names.given("a", "ana")).isEqualTo(3);
        assertThat(names.given("marko", "jelena")).isEqualTo(4);
        assertThat(names.given(null, "jelena")).isZero();
    }

    @Test
    void givenNamesThatOnlySoundAlikeAreNotClose() {
        NameComparator names = new NameComparator();

        // both are AML in Double Metaphone, but two people of one household
        assertThat(names.given("amelia", "emily")).isEqualTo(4);
        assertThat(names.given("hugo", "hogu")).isEqualTo(2);
    }

    @Test
    void birthDatesToleratesTyposAndDayMonthSwaps() {
        BirthDateComparator dates = new BirthDateComparator();

        assertThat(dates.compare(day("1978-12-11"), day("1978-12-11"))).isEqualTo(1);
        assertThat(dates.compare(day("1978-12-11"), day("1978-11-12"))).isEqualTo(2);
        assertThat(dates.compare(day("1978-12-11"), day("1978-12-17"))).isEqualTo(2);
        assertThat(dates.compare(day("1978-12-11"), day("1978-03-25"))).isEqualTo(3);
        assertThat(dates.compare(day("1978-12-11"), day("2004-03-25"))).isEqualTo(4);
        assertThat(dates.compare(null, day("2004-03-25"))).isZero();
    }

    @Test
    void aHouseholdSharingAnAddressIsGuarded() {
        MatchRecord mother = person("jelena", "petrovic", "1970-01-05");
        MatchRecord son = person("marko", "petrovic", "1999-06-30");
        mother.street = son.street = "bulevar oslobodjenja 12";
        mother.email = son.email = "petrovici@example.com";

        Comparison comparison = comparator.compare(mother, son);

        assertThat(comparison.level(MatchField.STREET)).isEqualTo(1);
        assertThat(comparison.level(MatchField.EMAIL)).isEqualTo(1);
        assertThat(comparison.guarded()).isTrue();
    }

    @Test
    void aSameNationalIdLiftsTheGuardOnDifferentGivenNames() {
        MatchRecord a = person("lucas", "mccarthy", "1960-11-01");
        MatchRecord b = person("jelena", "mccarthy", "1960-11-01");
        a.nationalId = b.nationalId = "5188554";

        assertThat(comparator.compare(a, b).guarded()).isFalse();
        b.nationalId = "9999999";
        assertThat(comparator.compare(a, b).guarded()).isTrue();
    }

    @Test
    void differentBirthDatesAreLeftToTheModelNotVetoedHere() {
        // the veto needs the model: see TestConflictingFieldsRule
        Comparison comparison = comparator.compare(
                person("lucas", "mccarthy", "1960-11-01"), person("lucas", "mccarthy", "1992-09-12"));

        assertThat(comparison.level(MatchField.BIRTH_DATE)).isEqualTo(MatchField.BIRTH_DATE.differentLevel());
        assertThat(comparison.guarded()).isFalse();
    }

    @Test
    void aSharedMailboxSaysNothing() {
        MatchRecord a = person("ana", "petrovic", null);
        MatchRecord b = person("ivan", "jovanovic", null);
        a.email = b.email = "info@firma.rs";

        assertThat(comparator.compare(a, b).level(MatchField.EMAIL)).isZero();
    }

    private static MatchRecord person(String given, String family, String birthDate) {
        MatchRecord record = new MatchRecord();
        record.recordId = given + family + birthDate;
        record.givenName = given;
        record.familyName = family;
        record.birthDate = birthDate == null ? null : day(birthDate);
        return record;
    }

    private static int day(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }
}
