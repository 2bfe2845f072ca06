package dev.rapport.generate;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Creates persons one by one. Households and namesakes need an earlier person to relate to; a small
 * window of recent persons per country provides one, which keeps memory bounded however many persons
 * are generated.
 */
final class PersonFactory {

    static final double HOUSEHOLD_RATE = 0.08;
    static final double NAMESAKE_RATE = 0.02;
    static final double MARRIAGE_RATE = 0.07;
    static final double MOVED_RATE = 0.08;
    static final double BUSINESS_RATE = 0.10;
    private static final int WINDOW = 32;

    private final long seed;
    private final LocalDate endDate;
    private final Map<Country, ArrayDeque<Person>> recent = new EnumMap<>(Country.class);

    PersonFactory(long seed, LocalDate endDate) {
        this.seed = seed;
        this.endDate = endDate;
    }

    Person create(long index, SplittableRandom random) {
        Country country = Country.pick(random);
        ArrayDeque<Person> window = recent.computeIfAbsent(country, c -> new ArrayDeque<>(WINDOW + 1));
        double relation = random.nextDouble();
        Person person;
        if (relation < HOUSEHOLD_RATE && !window.isEmpty()) {
            person = householdMember(index, pick(window, random), random);
        } else if (relation < HOUSEHOLD_RATE + NAMESAKE_RATE && !window.isEmpty()) {
            person = namesake(index, pick(window, random), random);
        } else {
            person = stranger(index, country, random);
        }
        window.addLast(person);
        if (window.size() > WINDOW) {
            window.removeFirst();
        }
        return person;
    }

    private Person stranger(long index, Country country, SplittableRandom random) {
        boolean female = random.nextBoolean();
        String family = country.lastName(false, random);
        LocalDate birthDate = birthDate(random);
        String firstName = country.firstName(female, random);
        String email = EmailAddresses.personal(country, firstName, family, birthDate.getYear(), random);
        return finish(
                index,
                country,
                female,
                firstName,
                family,
                birthDate,
                email,
                PhoneFormatter.randomMobile(country, random),
                Address.random(country, random),
                random);
    }

    /** Another person at the same address, often with the same surname, email or landline. */
    private Person householdMember(long index, Person head, SplittableRandom random) {
        Country country = head.country();
        boolean female = random.nextBoolean();
        String family = random.nextDouble() < 0.75 ? head.familyName() : country.lastName(false, random);
        String firstName = country.firstName(female, random);
        for (int attempt = 0; attempt < 4 && firstName.equals(head.firstName()); attempt++) {
            firstName = country.firstName(female, random);
        }
        LocalDate birthDate = birthDate(random);
        String email = random.nextDouble() < 0.35
                ? head.email()
                : EmailAddresses.personal(country, firstName, family, birthDate.getYear(), random);
        String phone = random.nextDouble() < 0.35 ? head.phoneNsn() : PhoneFormatter.randomMobile(country, random);
        return finish(index, country, female, firstName, family, birthDate, email, phone, head.address(), random);
    }

    /** Same name as someone else, but another city, birth date, email and phone. */
    private Person namesake(long index, Person other, SplittableRandom random) {
        Country country = other.country();
        LocalDate birthDate = birthDate(random);
        String email =
                EmailAddresses.personal(country, other.firstName(), other.familyName(), birthDate.getYear(), random);
        return finish(
                index,
                country,
                other.female(),
                other.firstName(),
                other.familyName(),
                birthDate,
                email,
                PhoneFormatter.randomMobile(country, random),
                Address.elsewhere(country, other.address().city(), random),
                random);
    }

    private Person finish(
            long index,
            Country country,
            boolean female,
            String firstName,
            String family,
            LocalDate birthDate,
            String email,
            String phoneNsn,
            Address address,
            SplittableRandom random) {
        String lastName = family;
        String formerLastName = null;
        if (female) {
            boolean married = random.nextDouble() < 0.6;
            lastName = FamilyNames.femaleForm(country, family, married);
            if (random.nextDouble() < MARRIAGE_RATE && birthDate.isBefore(endDate.minusYears(22))) {
                // Known in older records under her maiden name.
                String maidenFamily = country.lastName(false, random);
                formerLastName = FamilyNames.femaleForm(country, maidenFamily, false);
                lastName = FamilyNames.femaleForm(country, family, true);
            }
        }
        Address previous = random.nextDouble() < MOVED_RATE ? Address.elsewhere(country, address.city(), random) : null;
        Firm firm = null;
        if (random.nextDouble() < BUSINESS_RATE) {
            // A few firms per block of persons, so colleagues share a firm and its mailbox.
            firm = Firm.of(seed, country, (index / 300) * 4 + random.nextInt(4));
        }
        return new Person(
                index,
                Person.personId(index),
                country,
                female,
                firstName,
                lastName,
                family,
                formerLastName,
                birthDate,
                email,
                phoneNsn,
                address,
                previous,
                firm);
    }

    private LocalDate birthDate(SplittableRandom random) {
        return endDate.minusYears(18 + random.nextInt(62)).minusDays(random.nextInt(365));
    }

    private static Person pick(ArrayDeque<Person> window, SplittableRandom random) {
        int skip = random.nextInt(window.size());
        for (Person person : window) {
            if (skip-- == 0) {
                return person;
            }
        }
        throw new IllegalStateException("window is empty");
    }
}
