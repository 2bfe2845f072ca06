package dev.rapport.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestPersonFactory {

    private static final int PERSONS = 50_000;
    private static final long SEED = 42L;

    @Test
    void noTwoPersonsShareAPersonalEmailOrMobileUnlessTheyLiveTogether() {
        List<Person> persons = persons(SEED, PERSONS);
        Map<String, Person> byEmail = new HashMap<>();
        Map<String, Person> byMobile = new HashMap<>();
        List<String> strangersSharing = new ArrayList<>();
        int[] householdSharing = {0};
        for (Person person : persons) {
            check(byEmail, IssuedContacts.emailKey(person.email()), person, strangersSharing, householdSharing);
            check(
                    byMobile,
                    IssuedContacts.mobileKey(person.country(), person.phoneNsn()),
                    person,
                    strangersSharing,
                    householdSharing);
        }
        assertThat(strangersSharing).isEmpty();
        // 8% household members, about a third of them using the head's email, a third the head's number.
        assertThat(householdSharing[0]).isBetween(PERSONS / 50, PERSONS / 10);
    }

    @Test
    void theFirstPersonsDoNotDependOnHowManyFollow() {
        List<Person> small = persons(SEED, 2_000);
        List<Person> large = persons(SEED, 20_000);
        assertThat(large.subList(0, small.size())).isEqualTo(small);
    }

    @Test
    void namesakesWhoseAddressIsTakenAddTheBirthYearOrANumber() {
        long withYear = persons(SEED, PERSONS).stream()
                .filter(person -> person.email().contains(person.birthDate().getYear() + "@"))
                .count();
        assertThat(withYear).isPositive();
    }

    private static void check(
            Map<String, Person> seen,
            String key,
            Person person,
            List<String> strangersSharing,
            int[] householdSharing) {
        Person earlier = seen.putIfAbsent(key, person);
        if (earlier == null) {
            return;
        }
        // Household members live at the head's address; only they may share a mailbox or a number.
        if (earlier.address().equals(person.address())) {
            householdSharing[0]++;
        } else {
            strangersSharing.add(earlier.personId() + " and " + person.personId() + ": " + key);
        }
    }

    private static List<Person> persons(long seed, int count) {
        LocalDate endDate = CompanyGenerator.endDate(seed);
        PersonFactory factory = new PersonFactory(seed, endDate);
        List<Person> persons = new ArrayList<>(count);
        for (long index = 0; index < count; index++) {
            persons.add(factory.create(index, RandomStreams.forPerson(seed, index)));
        }
        return persons;
    }
}
