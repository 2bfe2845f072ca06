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
 *
 * <p>A personal email address and a mobile number belong to one person, however large the company: a
 * person whose first choice of address is already taken (by the resolver's comparison, see {@link
 * IssuedContacts}) adds the birth year or a number, and a mobile already handed out is drawn again.
 * Only the intended sharing bypasses this: a household member using the head's address or number, and
 * (in the exports) firm mailboxes and the variants other systems write of the same address. Those
 * retries draw from their own random stream, so a person's other fields stay what the seed gives.
 */
final class PersonFactory {

    static final double HOUSEHOLD_RATE = 0.08;
    static final double NAMESAKE_RATE = 0.02;
    static final double MARRIAGE_RATE = 0.07;
    static final double MOVED_RATE = 0.08;
    static final double BUSINESS_RATE = 0.10;
    private static final int WINDOW = 32;
    private static final int MAX_ATTEMPTS = 64;
    private static final long EMAIL_RETRIES = 0x454D41494CL;
    private static final long MOBILE_RETRIES = 0x4D4F42494CL;

    private final long seed;
    private final LocalDate endDate;
    private final Map<Country, ArrayDeque<Person>> recent = new EnumMap<>(Country.class);
    private final IssuedContacts issued = new IssuedContacts();

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
        String email = personalEmail(index, country, firstName, family, birthDate.getYear(), random);
        return finish(
                index,
                country,
                female,
                firstName,
                family,
                birthDate,
                email,
                mobile(index, country, random),
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
                : personalEmail(index, country, firstName, family, birthDate.getYear(), random);
        String phone = random.nextDouble() < 0.35 ? head.phoneNsn() : mobile(index, country, random);
        return finish(index, country, female, firstName, family, birthDate, email, phone, head.address(), random);
    }

    /** Same name as someone else, but another city, birth date, email and phone. */
    private Person namesake(long index, Person other, SplittableRandom random) {
        Country country = other.country();
        LocalDate birthDate = birthDate(random);
        String email =
                personalEmail(index, country, other.firstName(), other.familyName(), birthDate.getYear(), random);
        return finish(
                index,
                country,
                other.female(),
                other.firstName(),
                other.familyName(),
                birthDate,
                email,
                mobile(index, country, random),
                Address.elsewhere(country, other.address().city(), random),
                random);
    }

    /** The address the person chooses, or what they settle for when it is taken. */
    private String personalEmail(
            long index, Country country, String firstName, String family, int birthYear, SplittableRandom random) {
        String wanted = EmailAddresses.personal(country, firstName, family, birthYear, random);
        if (issued.claimEmail(wanted)) {
            return wanted;
        }
        SplittableRandom retries = RandomStreams.forRetries(seed, index, EMAIL_RETRIES);
        String email = wanted;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            email = EmailAddresses.alternative(wanted, birthYear, attempt, country, retries);
            if (issued.claimEmail(email)) {
                return email;
            }
        }
        // Only reachable when the filter is saturated far beyond its design; the person index makes it new.
        email = wanted.replace("@", "." + Long.toString(index, 36) + "@");
        issued.claimEmail(email);
        return email;
    }

    /** A mobile number no other person has. */
    private String mobile(long index, Country country, SplittableRandom random) {
        String number = PhoneFormatter.randomMobile(country, random);
        if (issued.claimMobile(country, number)) {
            return number;
        }
        SplittableRandom retries = RandomStreams.forRetries(seed, index, MOBILE_RETRIES);
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            number = PhoneFormatter.randomMobile(country, retries);
            if (issued.claimMobile(country, number)) {
                return number;
            }
        }
        // Only reachable when the filter is saturated far beyond its design.
        return number;
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
