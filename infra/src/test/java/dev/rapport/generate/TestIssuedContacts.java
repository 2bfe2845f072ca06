package dev.rapport.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestIssuedContacts {

    @Test
    void anEmailIsHandedOutOnce() {
        IssuedContacts issued = new IssuedContacts();
        assertThat(issued.claimEmail("ana.petrovic@gmail.com")).isTrue();
        assertThat(issued.claimEmail("ana.petrovic@gmail.com")).isFalse();
        assertThat(issued.claimEmail("ana.petrovic@yahoo.com")).isTrue();
        assertThat(issued.claimEmail("ana.petrovic1987@gmail.com")).isTrue();
    }

    @Test
    void theMailboxIsComparedAsTheResolverComparesIt() {
        IssuedContacts issued = new IssuedContacts();
        assertThat(issued.claimEmail("ana.petrovic@gmail.com")).isTrue();
        assertThat(issued.claimEmail("anapetrovic@gmail.com"))
                .as("gmail ignores dots")
                .isFalse();
        assertThat(issued.claimEmail("Ana.Petrovic+shop@googlemail.com"))
                .as("case, +tag and googlemail")
                .isFalse();
        assertThat(issued.claimEmail("j.smith@outlook.com")).isTrue();
        assertThat(issued.claimEmail("J.Smith+news@Outlook.com")).isFalse();
        assertThat(issued.claimEmail("jsmith@outlook.com"))
                .as("outlook keeps dots")
                .isTrue();
    }

    @Test
    void aMobileIsHandedOutOncePerCountry() {
        IssuedContacts issued = new IssuedContacts();
        assertThat(issued.claimMobile(Country.RS, "641234567")).isTrue();
        assertThat(issued.claimMobile(Country.RS, "641234567")).isFalse();
        assertThat(issued.claimMobile(Country.LT, "641234567"))
                .as("another country's number")
                .isTrue();
    }

    @Test
    void aMillionDistinctValuesAreAlmostNeverTakenForEachOther() {
        IssuedContacts issued = new IssuedContacts();
        SplittableRandom random = new SplittableRandom(1);
        int refused = 0;
        for (int i = 0; i < 1_000_000; i++) {
            if (!issued.claimMobile(Country.RU, Long.toString(9_000_000_000L + i))) {
                refused++;
            }
            if (!issued.claimEmail("user" + i + "." + random.nextInt(1000) + "@example.com")) {
                refused++;
            }
        }
        assertThat(refused)
                .as("false positives among two million distinct values")
                .isLessThan(100);
    }

    @Test
    void aTakenAddressBecomesWhatPeopleChooseInstead() {
        SplittableRandom random = new SplittableRandom(3);
        assertThat(EmailAddresses.alternative("ana.petrovic@gmail.com", 1987, 1, Country.RS, random))
                .isEqualTo("ana.petrovic1987@gmail.com");
        for (int attempt = 2; attempt < 40; attempt++) {
            String alternative =
                    EmailAddresses.alternative("ana.petrovic@gmail.com", 1987, attempt, Country.RS, random);
            assertThat(alternative).matches("ana\\.petrovic\\.?[0-9]+@[a-z0-9.]+");
            assertThat(IssuedContacts.emailKey(alternative)).isNotEqualTo("anapetrovic@gmail.com");
        }
    }
}
